/**
 * buildImportPreview: unique names for new rows, and no password in any preview.
 */
import { describe, expect, it } from 'vitest'
import type { CandidateProfile } from '../../../src/main/engine/profiles/import/candidate'
import {
  buildImportPreview,
  type ExistingProfile,
} from '../../../src/main/engine/profiles/import/preview'
import { inspect } from 'node:util'
import { importPastedConnection } from '../../../src/main/engine/profiles/import/pasted'
import { importPgadminServers } from '../../../src/main/engine/profiles/import/pgadmin'

/**
 * Names of new rows are made unique against saved profiles and earlier new rows of the import,
 * compared as the profile store compares them (trimmed, case-insensitive): "name (2)", "(3)", ...
 */
let port = 10_000
const candidate = (name: string): CandidateProfile => ({
  name,
  group: '',
  hosts: ['h'],
  ports: [port++], // a different endpoint each time: never a duplicate
  database: 'd',
  user: 'u',
  sslmode: 'prefer',
  origin: { kind: 'pgadmin', where: 'f' },
  passwordSource: 'none',
})

const saved = (name: string): ExistingProfile => ({
  id: `id-${name}`,
  name,
  host: 'elsewhere',
  port: 1,
  database: 'd',
  user: 'u',
})

const names = (candidates: CandidateProfile[], existing: ExistingProfile[] = []) =>
  buildImportPreview({ candidates, problems: [] }, existing).rows.map((r) => r.candidate.name)

describe('import preview: unique names', () => {
  it('numbers repeated names within the import', () => {
    expect(names([candidate('prod'), candidate('prod'), candidate('prod')])).toEqual([
      'prod',
      'prod (2)',
      'prod (3)',
    ])
  })

  it('avoids names of saved profiles, ignoring case and surrounding blanks', () => {
    expect(names([candidate(' Prod ')], [saved('prod'), saved('PROD (2)')])).toEqual(['Prod (3)'])
  })

  it('does not reuse a number an earlier row took literally', () => {
    expect(names([candidate('db (2)'), candidate('db'), candidate('db')])).toEqual([
      'db (2)',
      'db',
      'db (3)',
    ])
  })

  it('says why a row was renamed', () => {
    const preview = buildImportPreview({ candidates: [candidate('x')], problems: [] }, [saved('x')])
    expect(preview.rows[0]!.reasons).toEqual(['renamed from "x": that name is already used'])
  })

  it('keeps a renamed long name within the 100-character limit', () => {
    const long = 'n'.repeat(100)
    const [, second] = names([candidate(long), candidate(long)])
    expect(second).toHaveLength(100)
    expect(second!.endsWith(' (2)')).toBe(true)
  })

  it('leaves the names of duplicate and invalid rows as the source gave them', () => {
    const dup = { ...candidate('same'), hosts: ['elsewhere'], ports: [1] }
    const bad = { ...candidate('same'), hosts: ['bad host'] }
    expect(names([dup, bad], [saved('same')])).toEqual(['same', 'same'])
  })
})

/**
 * End to end: a password pasted or hand-written into a pgAdmin file never reaches the preview,
 * the only import output the renderer sees.
 */
const CANARY = `Canary-pw:\\@#%'`

describe('import preview carries no password', () => {
  it.each([
    `postgresql://u:${encodeURIComponent(CANARY)}@h/db`,
    `host=h password='${CANARY.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
    `host=h password=${CANARY}`, // unparseable (raw quote): still never shown
  ])('pasted %#', (text) => {
    const preview = buildImportPreview(importPastedConnection(text, { defaultUser: 'u' }), [])
    expect(JSON.stringify(preview)).not.toContain('Canary')
    expect(inspect(preview, { depth: 10 })).not.toContain('Canary')
  })

  it('pgAdmin file with a hand-written Password', () => {
    const file = JSON.stringify({
      Servers: {
        '1': {
          Name: 's',
          Group: 'g',
          Host: 'h',
          Port: 5432,
          MaintenanceDB: 'd',
          Username: 'u',
          Password: CANARY,
        },
      },
    })
    const preview = buildImportPreview(importPgadminServers(file, 'servers.json'), [])
    expect(preview.rows).toHaveLength(1)
    expect(JSON.stringify(preview)).not.toContain('Canary')
  })
})
