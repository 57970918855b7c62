/**
 * buildImportPreview: the status of each row (new, duplicate, invalid).
 */
import { describe, expect, it } from 'vitest'
import type {
  CandidateProfile,
  ImportResult,
} from '../../../src/main/engine/profiles/import/candidate'
import {
  buildImportPreview,
  type ExistingProfile,
} from '../../../src/main/engine/profiles/import/preview'
import { draftFromCandidate } from '../../../src/main/engine/profiles/import/preview-validation'

/**
 * buildImportPreview with nothing in the way: every valid candidate is a 'new' row with no
 * reasons, problems pass through, and the inputs are left untouched (the preview is pure).
 */
const namedCandidate = (name: string, host: string): CandidateProfile => ({
  name,
  group: 'g',
  hosts: [host],
  ports: [5432],
  database: 'postgres',
  user: 'dba',
  sslmode: 'prefer',
  origin: { kind: 'pgadmin', where: `servers.json: Servers/${name}` },
  passwordSource: 'none',
})

describe('import preview: new candidates', () => {
  const result: ImportResult = {
    candidates: [namedCandidate('a', 'a.example.com'), namedCandidate('b', '10.0.0.2')],
    problems: [{ severity: 'warning', where: 'servers.json: Servers/9', message: 'something' }],
  }
  const before = structuredClone(result)
  const preview = buildImportPreview(result, [])

  it("marks valid, unseen candidates 'new' with no reasons", () => {
    expect(preview.rows).toEqual([
      { candidate: namedCandidate('a', 'a.example.com'), status: 'new', reasons: [] },
      { candidate: namedCandidate('b', '10.0.0.2'), status: 'new', reasons: [] },
    ])
  })

  it('passes the import problems through', () => {
    expect(preview.problems).toEqual(before.problems)
  })

  it('does not change the import result it was given', () => {
    preview.rows[0]!.candidate.hosts.push('x')
    preview.rows[0]!.candidate.name = 'changed'
    expect(result).toEqual(before)
  })

  it('keeps every listed host (the first as host, the rest as fallback hosts)', () => {
    const multi = { ...namedCandidate('m', 'h1'), hosts: ['h1', 'h2', 'h3'], ports: [5432] }
    const row = buildImportPreview({ candidates: [multi], problems: [] }, []).rows[0]!
    expect(row).toMatchObject({ status: 'new', reasons: [] })
    expect(draftFromCandidate(row.candidate)).toMatchObject({
      host: 'h1',
      port: 5432,
      fallbackHosts: [
        { host: 'h2', port: 5432 },
        { host: 'h3', port: 5432 },
      ],
    })
  })
})

/**
 * Duplicates: same first host (case-insensitive), port, database and user as a saved profile
 * (duplicateOf = its id) or as an earlier new row of the same import (duplicateOfRow).
 */
const candidate = (over: Partial<CandidateProfile> = {}): CandidateProfile => ({
  name: 'imported',
  group: '',
  hosts: ['DB.Example.com'],
  ports: [5432],
  database: 'sales',
  user: 'alice',
  sslmode: 'prefer',
  origin: { kind: 'uri', where: 'pasted text' },
  passwordSource: 'none',
  ...over,
})

const saved: ExistingProfile = {
  id: 'p-123',
  name: 'Sales',
  host: 'db.example.com',
  port: 5432,
  database: 'sales',
  user: 'alice',
}

const previewOf = (candidates: CandidateProfile[], existing: ExistingProfile[] = [saved]) =>
  buildImportPreview({ candidates, problems: [] }, existing)

describe('import preview: duplicates of saved profiles', () => {
  it('same host (any case), port, database and user: duplicate of that profile', () => {
    const row = previewOf([candidate()]).rows[0]!
    expect(row).toMatchObject({ status: 'duplicate', duplicateOf: 'p-123' })
    expect(row.reasons).toEqual(['same host, port, database and user as the profile "Sales"'])
  })

  it('compares the first host only (the one a profile keeps)', () => {
    expect(previewOf([candidate({ hosts: ['db.example.com', 'other'] })]).rows[0]!.status).toBe(
      'duplicate',
    )
    expect(previewOf([candidate({ hosts: ['other', 'db.example.com'] })]).rows[0]!.status).toBe(
      'new',
    )
  })

  it.each([
    ['port', { ports: [5433] }],
    ['database', { database: 'Sales' }],
    ['user', { user: 'Alice' }],
    ['host', { hosts: ['db2.example.com'] }],
  ])('a different %s: new', (_label, over) => {
    expect(previewOf([candidate(over)]).rows[0]!.status).toBe('new')
  })
})

describe('import preview: duplicates within the import', () => {
  it('a later candidate for the same endpoint duplicates the earlier row', () => {
    const preview = previewOf(
      [candidate({ name: 'one', hosts: ['h'] }), candidate({ name: 'two', hosts: ['H'] })],
      [],
    )
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'duplicate'])
    expect(preview.rows[1]).toMatchObject({ duplicateOfRow: 0 })
    expect(preview.rows[1]!.duplicateOf).toBeUndefined()
    expect(preview.rows[1]!.reasons).toEqual([
      'same host, port, database and user as "one" earlier in this import',
    ])
  })

  it('an invalid earlier row is not the original of a later valid one', () => {
    const preview = previewOf(
      [candidate({ name: '', hosts: ['h'] }), candidate({ name: 'ok', hosts: ['h'] })],
      [],
    )
    expect(preview.rows.map((r) => r.status)).toEqual(['invalid', 'new'])
  })

  it('rows duplicating a saved profile all point at the saved profile', () => {
    const preview = previewOf([candidate({ name: 'x' }), candidate({ name: 'y' })])
    expect(preview.rows.map((r) => r.duplicateOf)).toEqual(['p-123', 'p-123'])
  })
})

/**
 * Invalid rows: a candidate that would fail profile validation (profileDraftSchema: isValidHost,
 * port 1-65535, identifier limits, name rules) plus candidate-only checks on extra hosts/ports.
 */
const valid: CandidateProfile = {
  name: 'n',
  group: '',
  hosts: ['db.example.com'],
  ports: [5432],
  database: 'd',
  user: 'u',
  sslmode: 'prefer',
  origin: { kind: 'conninfo', where: 'pasted text' },
  passwordSource: 'none',
}

const rowFor = (over: Partial<CandidateProfile>) =>
  buildImportPreview({ candidates: [{ ...valid, ...over }], problems: [] }, []).rows[0]!

describe('import preview: invalid candidates', () => {
  it('the valid base candidate is new', () => {
    expect(rowFor({}).status).toBe('new')
  })

  it.each([
    ['a host with a space', { hosts: ['db example.com'] }, /^host must be a host name/],
    ['a host with a slash in it', { hosts: ['db/x'] }, /^host must be a host name/],
    ['an out-of-range IPv4 address', { hosts: ['10.0.0.300'] }, /^host must be a host name/],
    ['an empty host', { hosts: [''] }, /host is required/],
    ['no host at all', { hosts: [] }, /^host is required$/],
    ['a host over 255 characters', { hosts: [`${'a'.repeat(250)}.example.com`] }, /host must be/],
    ['port 0', { ports: [0] }, /port must be between 1 and 65535/],
    ['port 70000', { ports: [70000] }, /port must be between 1 and 65535/],
    ['no port', { ports: [] }, /^port is required$/],
    ['an empty user', { user: '' }, /user is required/],
    ['a 64-character database', { database: 'd'.repeat(64) }, /database must be at most 63/],
    ['a NUL in the user', { user: 'a\0b' }, /user must not contain NUL/],
    ['an empty name', { name: '  ' }, /name is required/],
    ['a 101-character name', { name: 'n'.repeat(101) }, /name must be at most 100/],
    ['a bad second host', { hosts: ['ok', 'not ok'] }, /^host 2: host must be a host name/],
    ['a bad second port', { hosts: ['a', 'b'], ports: [5432, 0] }, /^host 2: port must be between/],
    ['9 hosts', { hosts: 'abcdefghi'.split('') }, /at most 7 fallback hosts/],
    [
      'a relative root certificate',
      { sslrootcert: 'certs/root.crt' },
      /root certificate must be an absolute path/,
    ],
    ['a client certificate without its key', { sslcert: '/c.crt' }, /give both or neither/],
    [
      'a connect timeout over 600 s',
      { connectTimeoutS: 601 },
      /connect timeout must be between 1 and 600/,
    ],
    ['a non-ASCII application name', { applicationName: 'café' }, /printable ASCII/],
    ['a 61-character group', { group: 'g'.repeat(61) }, /group must be at most 60/],
    ['3 ports for 2 hosts', { hosts: ['a', 'b'], ports: [1, 2, 3] }, /3 ports for 2 hosts/],
  ])('%s: invalid, with the reason', (_label, over, reason) => {
    const row = rowFor(over)
    expect(row.status).toBe('invalid')
    expect(row.reasons.some((r) => reason.test(r))).toBe(true)
  })

  it.each([
    ['an IPv6 address', ['2001:db8::1']],
    ['a socket directory', ['/var/run/postgresql']],
    ['a single-label name', ['localhost']],
    ['IPv4', ['192.0.2.1']],
  ])('%s is a valid host', (_label, hosts) => {
    expect(rowFor({ hosts }).status).toBe('new')
  })

  it('lists every reason of a row', () => {
    expect(rowFor({ hosts: ['bad host'], user: '', ports: [0] }).reasons).toHaveLength(3)
  })
})
