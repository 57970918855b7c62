/**
 * Candidates from service sections with libpq's defaults: sslmode 'prefer', user = OS user,
 * database = user, host = default socket directory, port 5432; comma-separated host and port
 * lists (multi-host).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPgpass } from '../../../src/main/engine/profiles/import/pgpass'
import { readServiceFiles } from '../../../src/main/engine/profiles/import/service-file'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let file: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-service-'))
  file = path.join(dir, 'pg_service.conf')
})
afterEach(() => cleanup())

async function read(text: string, extra: Partial<Parameters<typeof readServiceFiles>[0]> = {}) {
  fs.writeFileSync(file, text)
  fs.chmodSync(file, 0o600)
  return readServiceFiles({
    env: { PGSERVICEFILE: file },
    homeDir: undefined,
    osUser: 'osuser',
    platform: 'linux',
    ...extra,
  })
}

describe('service candidates', () => {
  it('an empty section gets every libpq default', async () => {
    const { candidates, problems } = await read('[bare]\n')
    expect(problems).toEqual([])
    expect(candidates).toEqual([
      {
        name: 'bare',
        group: '',
        hosts: ['/tmp'],
        ports: [5432],
        database: 'osuser',
        user: 'osuser',
        sslmode: 'prefer',
        origin: { kind: 'service-file', where: `${file}:1` },
        passwordSource: 'none',
      },
    ])
  })

  it('the default host follows the socket directory given, and is localhost on Windows', async () => {
    const posix = await read('[s]\n', { defaultSocketDir: '/var/run/postgresql' })
    expect(posix.candidates[0]!.hosts).toEqual(['/var/run/postgresql'])
    const windows = await read('[s]\n', { platform: 'win32' })
    expect(windows.candidates[0]!.hosts).toEqual(['localhost'])
  })

  it('the database defaults to the user the section names', async () => {
    const { candidates } = await read('[s]\nuser=alice\n')
    expect(candidates[0]).toMatchObject({ user: 'alice', database: 'alice' })
  })

  it('carries host, port, dbname, user, sslmode, TLS files, application name, timeout', async () => {
    const { candidates, problems } = await read(
      [
        '[full]',
        'host=db.example',
        'port=6543',
        'dbname=app',
        'user=alice',
        'sslmode=verify-full',
        'sslrootcert=/etc/ssl/root.crt',
        'sslcert=/home/a/client.crt',
        'sslkey=/home/a/client.key',
        'application_name=lifeguard-test',
        'connect_timeout=10',
        '',
      ].join('\n'),
    )
    expect(problems).toEqual([])
    expect(candidates[0]).toEqual({
      name: 'full',
      group: '',
      hosts: ['db.example'],
      ports: [6543],
      database: 'app',
      user: 'alice',
      sslmode: 'verify-full',
      sslrootcert: '/etc/ssl/root.crt',
      sslcert: '/home/a/client.crt',
      sslkey: '/home/a/client.key',
      applicationName: 'lifeguard-test',
      connectTimeoutS: 10,
      origin: { kind: 'service-file', where: `${file}:1` },
      passwordSource: 'none',
    })
  })

  it('multi-host: one port per host, or one port for all, empty items are defaults', async () => {
    const { candidates } = await read(
      '[pair]\nhost=a.example,b.example\nport=5433,5434\n[one]\nhost=a.example,b.example\nport=5433\n[gaps]\nhost=a.example,,c.example\nport=,5434,\n',
    )
    expect(candidates.map((c) => [c.name, c.hosts, c.ports])).toEqual([
      ['pair', ['a.example', 'b.example'], [5433, 5434]],
      ['one', ['a.example', 'b.example'], [5433]],
      ['gaps', ['a.example', '/tmp', 'c.example'], [5432, 5434, 5432]],
    ])
  })

  it('hostaddr is the host when there is no host', async () => {
    const { candidates, problems } = await read(
      '[addr]\nhostaddr=192.0.2.10\n[both]\nhost=db\nhostaddr=192.0.2.10\n',
    )
    expect(candidates.map((c) => c.hosts)).toEqual([['192.0.2.10'], ['db']])
    expect(problems).toEqual([
      expect.objectContaining({
        where: `${file}:3`,
        message: expect.stringContaining('hostaddr is not imported'),
      }),
    ])
  })

  it('connect_timeout: 1 becomes 2 and 0 means none, as in libpq', async () => {
    const { candidates } = await read('[a]\nconnect_timeout=1\n[b]\nconnect_timeout=0\n')
    expect(candidates[0]!.connectTimeoutS).toBe(2)
    expect(candidates[1]).not.toHaveProperty('connectTimeoutS')
  })

  it('sections that cannot become a profile are skipped with a warning naming them', async () => {
    const { candidates, problems } = await read(
      [
        '[badport]',
        'port=54x',
        '[bigport]',
        'port=70000',
        '[mismatch]',
        'host=a,b,c',
        'port=1,2',
        '[badssl]',
        'sslmode=sometimes',
        '[badtimeout]',
        'connect_timeout=soon',
        '[ldap]',
        'ldap://ldap.example/dc=example?pgconnectinfo?base?(cn=db)',
        '[fine]',
        '',
      ].join('\n'),
    )
    expect(candidates.map((c) => c.name)).toEqual(['fine'])
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^service "badport" has a port that is not a port number/),
      expect.stringMatching(/^service "bigport" has a port that is not a port number/),
      expect.stringMatching(/^service "mismatch" has 2 ports for 3 hosts/),
      expect.stringMatching(/^service "badssl" has an sslmode/),
      expect.stringMatching(/^service "badtimeout" has a connect_timeout/),
      expect.stringMatching(/^service "ldap" is looked up in LDAP/),
    ])
  })

  it('lists the keywords a profile cannot hold, by name only', async () => {
    const { problems } = await read(
      '[s]\nhost=db\ntarget_session_attrs=read-write\noptions=-c x=1\nsslpassword=hunter2\n',
    )
    expect(problems).toEqual([
      {
        severity: 'warning',
        where: `${file}:1`,
        message:
          'service "s": not imported (no profile setting): options, sslpassword, target_session_attrs',
      },
    ])
  })

  it('passwordSource: inline for a non-empty password, pgpass when libpq would find one', async () => {
    const pgpassFile = path.join(dir, 'pgpass')
    fs.writeFileSync(pgpassFile, 'db.example:5432:app:alice:from-pgpass\n')
    fs.chmodSync(pgpassFile, 0o600)
    const pgpass = await readPgpass({
      env: { PGPASSFILE: pgpassFile },
      homeDir: undefined,
      platform: 'linux',
    })
    const { candidates } = await read(
      [
        '[inline]',
        'host=db.example',
        'dbname=app',
        'user=alice',
        'password=x',
        '[emptyinline]',
        'host=db.example',
        'dbname=app',
        'user=alice',
        'password=',
        '[other]',
        'host=other.example',
        'dbname=app',
        'user=alice',
        '',
      ].join('\n'),
      { pgpass: pgpass.entries },
    )
    expect(candidates.map((c) => [c.name, c.passwordSource])).toEqual([
      ['inline', 'inline'],
      ['emptyinline', 'pgpass'],
      ['other', 'none'],
    ])
  })
})
