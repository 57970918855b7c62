/**
 * Pasted URIs and key=value strings mapped to one candidate, with libpq's reading rules and defaults.
 */
import { describe, expect, it } from 'vitest'
import { importPastedConnection } from '../../../src/main/engine/profiles/import/pasted'

/**
 * A pasted postgres:// / postgresql:// URI becomes one candidate, with libpq's defaults for
 * what it leaves out (user: the OS user; database: the user; port 5432; sslmode prefer).
 */
const defaults = { defaultUser: 'osuser' }

describe('pasted URI', () => {
  it('maps every field a profile holds', () => {
    const result = importPastedConnection(
      'postgresql://alice@db.example.com:6543/sales?sslmode=verify-full&sslrootcert=%2Fetc%2Froot.crt' +
        '&sslcert=/home/a/c.crt&sslkey=/home/a/c.key&application_name=lifeguard&connect_timeout=7',
      defaults,
    )
    expect(result.problems).toEqual([])
    expect(result.secret).toBeUndefined()
    expect(result.candidates).toEqual([
      {
        name: 'alice@db.example.com:6543/sales',
        group: '',
        hosts: ['db.example.com'],
        ports: [6543],
        database: 'sales',
        user: 'alice',
        sslmode: 'verify-full',
        sslrootcert: '/etc/root.crt',
        sslcert: '/home/a/c.crt',
        sslkey: '/home/a/c.key',
        applicationName: 'lifeguard',
        connectTimeoutS: 7,
        origin: { kind: 'uri', where: 'pasted text' },
        passwordSource: 'none',
      },
    ])
  })

  it("fills libpq's defaults for a bare postgres:// URI", () => {
    const result = importPastedConnection('postgres://db.example.com', defaults)
    expect(result.candidates[0]).toMatchObject({
      name: 'osuser@db.example.com/osuser',
      hosts: ['db.example.com'],
      ports: [5432],
      database: 'osuser',
      user: 'osuser',
      sslmode: 'prefer',
    })
  })

  it('uses the default host (localhost unless given) when the URI names none', () => {
    expect(importPastedConnection('postgresql:///app', defaults).candidates[0]!.hosts).toEqual([
      'localhost',
    ])
    expect(
      importPastedConnection('postgresql:///app', { ...defaults, defaultHost: '/run/postgresql' })
        .candidates[0]!.hosts,
    ).toEqual(['/run/postgresql'])
  })

  it('trims surrounding whitespace (a pasted line ending)', () => {
    expect(importPastedConnection('  postgresql://h/db\r\n', defaults).candidates).toHaveLength(1)
  })

  it('decodes a percent-encoded user and database', () => {
    const c = importPastedConnection('postgresql://al%40ice@h/my%20db', defaults).candidates[0]!
    expect([c.user, c.database]).toEqual(['al@ice', 'my db'])
  })

  it('brackets an IPv6 host in the suggested name', () => {
    const c = importPastedConnection('postgresql://u@[2001:db8::1]:5433/d', defaults).candidates[0]!
    expect(c.hosts).toEqual(['2001:db8::1'])
    expect(c.name).toBe('u@[2001:db8::1]:5433/d')
  })

  it('lets a query host= override the authority, as libpq does', () => {
    const c = importPastedConnection('postgresql://ignored/db?host=/var/run/postgresql', defaults)
      .candidates[0]!
    expect(c.hosts).toEqual(['/var/run/postgresql'])
  })

  it('leaves out connect_timeout=0 (libpq: no timeout)', () => {
    const c = importPastedConnection('postgresql://h/db?connect_timeout=0', defaults).candidates[0]!
    expect(c.connectTimeoutS).toBeUndefined()
  })

  it('reads the JDBC spelling ssl=true as sslmode=require', () => {
    const c = importPastedConnection('postgresql://h/db?ssl=true', defaults).candidates[0]!
    expect(c.sslmode).toBe('require')
  })

  it.each([
    ['an unknown sslmode', 'postgresql://h/db?sslmode=sometimes', /sslmode must be one of/],
    ['ssl=false', 'postgresql://h/db?ssl=false', /ssl only accepts true/],
    ['a port of 0', 'postgresql://h:0/db', /Every port must be a number from 1 to 65535/],
    ['a non-numeric connect_timeout', 'postgresql://h/db?connect_timeout=soon', /connect_timeout/],
  ])('%s: an error and no candidate', (_label, text, message) => {
    const result = importPastedConnection(text, defaults)
    expect(result.candidates).toEqual([])
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.severity).toBe('error')
    expect(result.problems[0]!.message).toMatch(message)
  })
})

/**
 * A pasted libpq key=value string: quoted values, backslash escapes and spacing read exactly as
 * libpq reads them; a keyword given twice keeps its last value.
 */
describe('pasted key=value string', () => {
  it('maps the keywords a profile holds', () => {
    const result = importPastedConnection(
      'host=db.example.com port=6543 dbname=sales user=alice sslmode=require ' +
        'sslrootcert=/etc/root.crt application_name=lg connect_timeout=5',
      defaults,
    )
    expect(result.problems).toEqual([])
    expect(result.candidates).toEqual([
      {
        name: 'alice@db.example.com:6543/sales',
        group: '',
        hosts: ['db.example.com'],
        ports: [6543],
        database: 'sales',
        user: 'alice',
        sslmode: 'require',
        sslrootcert: '/etc/root.crt',
        applicationName: 'lg',
        connectTimeoutS: 5,
        origin: { kind: 'conninfo', where: 'pasted text' },
        passwordSource: 'none',
      },
    ])
  })

  it('reads single-quoted values with spaces and escaped quotes and backslashes', () => {
    const result = importPastedConnection(
      String.raw`host=h dbname='my \'big\' db' user='back\\slash' password='it\'s a \\ secret'`,
      defaults,
    )
    const c = result.candidates[0]!
    expect(c.database).toBe("my 'big' db")
    expect(c.user).toBe('back\\slash')
    expect(c.passwordSource).toBe('inline')
    expect(result.secret!.reveal()).toBe("it's a \\ secret")
  })

  it('reads backslash escapes in unquoted values', () => {
    const result = importPastedConnection(String.raw`host=h user=a\ b password=x\'y`, defaults)
    expect(result.candidates[0]!.user).toBe('a b')
    expect(result.secret!.reveal()).toBe("x'y")
  })

  it('accepts blanks around "=" and newlines between settings', () => {
    const c = importPastedConnection('host = h\n  dbname =\tapp\r\nuser=u', defaults).candidates[0]!
    expect([c.hosts, c.database, c.user]).toEqual([['h'], 'app', 'u'])
  })

  it('keeps the last value of a keyword given twice, as libpq does', () => {
    const c = importPastedConnection('host=first host=second', defaults).candidates[0]!
    expect(c.hosts).toEqual(['second'])
  })

  it("fills libpq's defaults: user from the OS, database from the user, port 5432", () => {
    const c = importPastedConnection('host=h', defaults).candidates[0]!
    expect([c.user, c.database, c.ports, c.sslmode]).toEqual(['osuser', 'osuser', [5432], 'prefer'])
  })

  it("treats an empty quoted value ('') as not given", () => {
    const c = importPastedConnection("host=h user='' dbname=''", defaults).candidates[0]!
    expect([c.user, c.database]).toEqual(['osuser', 'osuser'])
  })
})

/**
 * libpq multi-host lists: hosts and ports pair up by position, one port applies to every host,
 * an empty entry means the default, and any other count mismatch is an error (as in libpq).
 */
const first = (text: string) => importPastedConnection(text, defaults).candidates[0]

describe('pasted multi-host connection strings', () => {
  it('URI: each host with its own port', () => {
    expect(first('postgresql://h1:5433,h2:5434,[::1]:5435/db')).toMatchObject({
      hosts: ['h1', 'h2', '::1'],
      ports: [5433, 5434, 5435],
    })
  })

  it('URI: a host without a port gets 5432', () => {
    expect(first('postgresql://h1:6000,h2/db')).toMatchObject({
      hosts: ['h1', 'h2'],
      ports: [6000, 5432],
    })
  })

  it('URI: no port anywhere means one default port for all', () => {
    expect(first('postgresql://h1,h2/db')).toMatchObject({ hosts: ['h1', 'h2'], ports: [5432] })
  })

  it('key=value: host and port lists', () => {
    expect(first('host=h1,h2 port=7001,7002')).toMatchObject({
      hosts: ['h1', 'h2'],
      ports: [7001, 7002],
    })
  })

  it('key=value: one port for several hosts', () => {
    expect(first('host=h1,h2,h3 port=7001')).toMatchObject({ ports: [7001] })
  })

  it('key=value: an empty host entry is the default host', () => {
    expect(first('host=h1,,h3')).toMatchObject({ hosts: ['h1', 'localhost', 'h3'] })
  })

  it('key=value: 2 ports for 3 hosts is an error', () => {
    const result = importPastedConnection('host=h1,h2,h3 port=1,2', defaults)
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: 'pasted text',
        message: '2 ports were given for 3 hosts; give one port for all hosts or one per host.',
      },
    ])
  })

  it('hostaddr stands in for host when host is absent', () => {
    expect(first('hostaddr=192.0.2.1,192.0.2.2')).toMatchObject({
      hosts: ['192.0.2.1', '192.0.2.2'],
    })
  })

  it('host wins over hostaddr, with a warning', () => {
    const result = importPastedConnection('host=db.example.com hostaddr=192.0.2.1', defaults)
    expect(result.candidates[0]!.hosts).toEqual(['db.example.com'])
    expect(result.problems.map((p) => p.message)).toEqual([
      'hostaddr is not imported; the profile connects to host.',
    ])
  })
})
