/**
 * libpq (fe-connect.c, passwordFromFile): "'localhost' matches pghost of '' or the default socket
 * directory". The connection's host is replaced by "localhost" when it is empty or equals
 * DEFAULT_PGSOCKET_DIR, before the file is compared. Checked against libpq 15 (Debian, socket dir
 * /var/run/postgresql) and 18 (upstream, /tmp).
 */
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
let localhostFirst: PgpassEntry[]
let literalFirst: PgpassEntry[]
let byAddress: PgpassEntry[]

async function read(dir: string, name: string, text: string) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  fs.chmodSync(file, 0o600)
  return (await readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' }))
    .entries
}

beforeAll(async () => {
  const t = tempDir('lifeguard-pgpass-')
  cleanup = t.cleanup
  localhostFirst = await read(
    t.dir,
    'a',
    'localhost:5432:d:u:via-localhost\n/var/run/postgresql:5432:d:u:literal-dir\n',
  )
  literalFirst = await read(
    t.dir,
    'b',
    '/tmp:5432:d:u:literal-tmp\nlocalhost:5432:d:u:via-localhost\n',
  )
  byAddress = await read(t.dir, 'c', '127.0.0.1:5432:d:u:via-address\n')
})
afterAll(() => cleanup())

const base = { port: 5432, database: 'd', user: 'u' }

describe('"localhost" in the file and Unix-socket connections', () => {
  // Without a socketDir, the default is PostgreSQL's compiled-in /tmp.
  it('an empty host (libpq default) matches "localhost"', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: '' })).toBe('via-localhost')
    expect(lookupPassword(localhostFirst, { ...base })).toBe('via-localhost')
  })

  it('a TCP connection to localhost matches "localhost"', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: 'localhost' })).toBe('via-localhost')
  })

  it('the default socket directory matches "localhost"', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: '/tmp' })).toBe('via-localhost')
    expect(
      lookupPassword(
        localhostFirst,
        { ...base, host: '/var/run/postgresql' },
        { socketDir: '/var/run/postgresql' },
      ),
    ).toBe('via-localhost')
  })

  it('a line naming the default socket directory does not match it (it became "localhost")', () => {
    expect(lookupPassword(literalFirst, { ...base, host: '/tmp' })).toBe('via-localhost')
  })

  it('another socket directory is compared literally', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: '/var/run/postgresql' })).toBe(
      'literal-dir',
    )
    expect(
      lookupPassword(literalFirst, { ...base, host: '/tmp' }, { socketDir: '/var/run/postgresql' }),
    ).toBe('literal-tmp')
  })

  it('the comparison is textual: "/tmp/" is not "/tmp"', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: '/tmp/' })).toBeUndefined()
  })

  it('127.0.0.1 is not "localhost"', () => {
    expect(lookupPassword(localhostFirst, { ...base, host: '127.0.0.1' })).toBeUndefined()
  })

  it('with no host, hostaddr is the key; with a host, the host is, as libpq does', () => {
    expect(lookupPassword(byAddress, { ...base, hostaddr: '127.0.0.1' })).toBe('via-address')
    expect(lookupPassword(byAddress, { ...base, host: '', hostaddr: '127.0.0.1' })).toBe(
      'via-address',
    )
    expect(
      lookupPassword(byAddress, { ...base, host: 'db', hostaddr: '127.0.0.1' }),
    ).toBeUndefined()
  })
})
