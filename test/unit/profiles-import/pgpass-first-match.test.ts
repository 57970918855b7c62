/** libpq takes the password from the first line that matches, in file order. */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  lookupPassword,
  readPgpass,
  type PgpassEntry,
} from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

let cleanup: () => void
let entries: PgpassEntry[]

beforeAll(async () => {
  const t = tempDir('lifeguard-pgpass-')
  cleanup = t.cleanup
  const file = path.join(t.dir, 'pgpass')
  fs.writeFileSync(
    file,
    [
      'db1:5432:app:alice:first',
      'db1:5432:app:alice:second-same-key',
      'db1:*:app:alice:any-port',
      '*:*:*:bob:bob-anywhere',
      'db2:5432:app:bob:bob-on-db2-too-late',
      'db1:5432:app::empty-user-never-matches',
      'db3:5432:app:carol:',
      '*:*:*:carol:carol-fallback-too-late',
      '',
    ].join('\n'),
  )
  fs.chmodSync(file, 0o600)
  entries = (await readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' }))
    .entries
})
afterAll(() => cleanup())

const look = (host: string, port: number | undefined, database: string, user: string) =>
  lookupPassword(entries, { host, port, database, user })

describe('first match wins', () => {
  it('the earlier of two identical keys', () => {
    expect(look('db1', 5432, 'app', 'alice')).toBe('first')
  })

  it('a later, more general line still applies where the earlier ones do not', () => {
    expect(look('db1', 6543, 'app', 'alice')).toBe('any-port')
  })

  it('an earlier wildcard line beats a later exact line', () => {
    expect(look('db2', 5432, 'app', 'bob')).toBe('bob-anywhere')
  })

  it('an empty password on the first matching line ends the search', () => {
    expect(look('db3', 5432, 'app', 'carol')).toBe('')
    expect(look('db4', 5432, 'app', 'carol')).toBe('carol-fallback-too-late')
  })

  it('no line matches', () => {
    expect(look('db1', 5432, 'other', 'alice')).toBeUndefined()
  })

  it('matching is case-sensitive', () => {
    expect(look('DB1', 5432, 'app', 'alice')).toBeUndefined()
    expect(look('db1', 5432, 'app', 'Alice')).toBeUndefined()
  })

  it('the port defaults to 5432 and is compared as text', () => {
    expect(look('db1', undefined, 'app', 'alice')).toBe('first')
    expect(
      lookupPassword(entries, { host: 'db1', port: '5432', database: 'app', user: 'alice' }),
    ).toBe('first')
  })

  it('libpq does not look at the file for an empty database or user name', () => {
    expect(look('db1', 5432, '', 'bob')).toBeUndefined()
    expect(look('db1', 5432, 'app', '')).toBeUndefined()
  })
})
