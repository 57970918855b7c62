/**
 * Candidates from a password file: one per entry with a literal host and user; wildcard host or
 * user entries only supply passwords (an informational warning each).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  pgpassCandidates,
  readPgpass,
  type PgpassReadResult,
} from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

let cleanup: () => void
let file: string
let result: PgpassReadResult

beforeAll(async () => {
  const t = tempDir('lifeguard-pgpass-')
  cleanup = t.cleanup
  file = path.join(t.dir, 'pgpass')
  fs.writeFileSync(
    file,
    [
      'db1.example:5432:app:alice:pw1', // 1
      '*:5432:app:bob:pw2', // 2 wildcard host
      'db2.example:*:*:carol:pw3', // 3 wildcard port and database
      'db3.example:6543:reports:*:pw4', // 4 wildcard user
      'db1.example:5432:app:alice:dup', // 5 same as line 1
      'db4.example:http:app:dave:pw5', // 6 port is not a number
      'db5.example:5432:app:erin:', // 7 empty password
      '/var/run/postgresql:5433:app:frank:pw6', // 8 socket directory
      '',
    ].join('\n'),
  )
  fs.chmodSync(file, 0o600)
  result = await readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' })
})
afterAll(() => cleanup())

describe('pgpassCandidates', () => {
  it('offers entries with a literal host and user, once each, in file order', () => {
    const { candidates } = pgpassCandidates(result)
    expect(candidates.map((c) => c.origin)).toEqual([
      { kind: 'pgpass', where: `${file}:1` },
      { kind: 'pgpass', where: `${file}:3` },
      { kind: 'pgpass', where: `${file}:7` },
      { kind: 'pgpass', where: `${file}:8` },
    ])
  })

  it('fills a wildcard port with 5432 and a wildcard database with the user name', () => {
    const carol = pgpassCandidates(result).candidates[1]!
    expect(carol).toEqual({
      name: 'carol@db2.example/carol',
      group: '',
      hosts: ['db2.example'],
      ports: [5432],
      database: 'carol',
      user: 'carol',
      sslmode: 'prefer',
      origin: { kind: 'pgpass', where: `${file}:3` },
      passwordSource: 'pgpass',
    })
  })

  it('names a non-default port and keeps a socket directory as the host', () => {
    const frank = pgpassCandidates(result).candidates[3]!
    expect(frank.name).toBe('frank@/var/run/postgresql:5433/app')
    expect(frank.hosts).toEqual(['/var/run/postgresql'])
    expect(frank.ports).toEqual([5433])
  })

  it('says "none" when the first matching line has an empty password', () => {
    expect(pgpassCandidates(result).candidates[2]!.passwordSource).toBe('none')
  })

  it('reports wildcard host or user entries as informational warnings, by line', () => {
    const { problems } = pgpassCandidates(result)
    const wildcard = problems.filter((p) => p.message.includes('wildcard host or user'))
    expect(wildcard.map((p) => p.where)).toEqual([`${file}:2`, `${file}:4`])
    expect(wildcard.every((p) => p.severity === 'warning' && /informational/.test(p.message))).toBe(
      true,
    )
  })

  it('reports an entry whose port is not a number, and keeps the file problems', () => {
    const { problems } = pgpassCandidates(result)
    expect(problems).toContainEqual({
      severity: 'warning',
      where: `${file}:6`,
      message: expect.stringContaining('not a port number'),
    })
    for (const p of result.problems) expect(problems).toContainEqual(p)
  })

  it('an ignored file gives no candidates and passes its warning on', async () => {
    fs.chmodSync(file, 0o644)
    const ignored = await readPgpass({
      env: { PGPASSFILE: file },
      homeDir: undefined,
      platform: 'linux',
    })
    fs.chmodSync(file, 0o600)
    const imported = pgpassCandidates(ignored)
    expect(imported.candidates).toEqual([])
    expect(imported.problems).toEqual(ignored.problems)
    expect(imported.problems[0]!.message).toContain('0600')
  })
})
