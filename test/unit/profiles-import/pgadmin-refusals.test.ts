/**
 * pgAdmin servers.json that cannot be (wholly) imported: malformed files, bad entries, size limits.
 */
import { describe, expect, it } from 'vitest'
import {
  importPgadminServers,
  MAX_PGADMIN_FILE_BYTES,
  MAX_PGADMIN_SERVERS,
} from '../../../src/main/engine/profiles/import/pgadmin'

/**
 * A file that is not JSON, or not the `{ "Servers": { ... } }` shape, gives exactly one error and
 * zero candidates, and the error quotes nothing from the file.
 */
const goodServer = {
  Name: 'ok',
  Group: 'g',
  Host: 'h',
  Port: 5432,
  MaintenanceDB: 'd',
  Username: 'u',
}

describe('pgAdmin servers.json that cannot be read whole', () => {
  it.each([
    ['truncated JSON', `{"Servers": {"1": ${JSON.stringify(goodServer)}`],
    ['a trailing comma', `{"Servers": {"1": ${JSON.stringify(goodServer)},}}`],
    ['not JSON at all', 'Name=prod Host=canary-host-5f2a'],
    ['an empty file', ''],
  ])('%s: one "not valid JSON" error, no candidates', (_label, text) => {
    const result = importPgadminServers(text, 'servers.json')
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: 'servers.json',
        message: 'The file is not valid JSON, so nothing was imported from it.',
      },
    ])
  })

  it.each([
    ['a top-level array', [goodServer]],
    ['no Servers key', { servers: { '1': goodServer } }],
    ['Servers is an array', { Servers: [goodServer] }],
    ['Servers is text', { Servers: 'canary-host-5f2a' }],
    ['Servers is null', { Servers: null }],
    ['a bare string', 'canary-host-5f2a'],
    ['null', null],
  ])('%s: one shape error, no candidates', (_label, value) => {
    const result = importPgadminServers(JSON.stringify(value), 'servers.json')
    expect(result.candidates).toEqual([])
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.severity).toBe('error')
    expect(result.problems[0]!.message).toMatch(/not a pgAdmin servers file/)
  })

  it('never quotes the file in the error', () => {
    const result = importPgadminServers('{"Servers": canary-host-5f2a}', 'servers.json')
    expect(JSON.stringify(result)).not.toContain('canary')
  })

  it('an empty Servers object gives no candidates and a warning, not an error', () => {
    const result = importPgadminServers('{"Servers": {}}', 'servers.json')
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      { severity: 'warning', where: 'servers.json', message: 'The file lists no servers.' },
    ])
  })
})

/**
 * One bad server entry: an error naming Servers/<key>, that server skipped, the others kept.
 * Types of the keys we read are strict; keys we do not read may hold anything.
 */
const good = (name: string) => ({
  Name: name,
  Group: 'g',
  Host: 'db.example.com',
  Port: 5432,
  MaintenanceDB: 'postgres',
  Username: 'dba',
})

function importWithBad(bad: unknown) {
  return importPgadminServers(
    JSON.stringify({ Servers: { '1': good('first'), '7': bad, '12': good('last') } }),
    'servers.json',
  )
}

describe('pgAdmin servers.json with one bad entry', () => {
  it.each([
    ['Port as text', { ...good('x'), Port: '5432' }, /Port must be a number/],
    ['Port not whole', { ...good('x'), Port: 5432.5 }, /Port must be a whole number/],
    ['Host as a number', { ...good('x'), Host: 42 }, /Host must be text/],
    ['Name missing', { ...good('x'), Name: undefined }, /Name is required/],
    [
      'MaintenanceDB missing',
      { ...good('x'), MaintenanceDB: undefined },
      /MaintenanceDB is required/,
    ],
    ['unknown sslmode', { ...good('x'), SSLMode: 'sometimes' }, /SSLMode must be one of disable/],
    [
      'ConnectionParameters.sslmode wrong',
      { ...good('x'), ConnectionParameters: { sslmode: 5 } },
      /ConnectionParameters\.sslmode must be one of/,
    ],
    [
      'connect_timeout not a number',
      { ...good('x'), ConnectionParameters: { connect_timeout: 'soon' } },
      /connect_timeout must be a whole number of seconds/,
    ],
    [
      'ConnectionParameters not an object',
      { ...good('x'), ConnectionParameters: 'sslmode=require' },
      /ConnectionParameters/,
    ],
    ['entry is an array', [good('x')], /not an object/],
    ['entry is text', 'host=x', /not an object/],
    [
      'no Host, HostAddr or Service',
      { ...good('x'), Host: undefined },
      /Host \(or HostAddr or Service\)/,
    ],
    ['no Username', { ...good('x'), Username: undefined }, /Username missing/],
    ['no Port', { ...good('x'), Port: undefined }, /Port missing/],
  ])('%s: error at Servers/7, the other two kept', (_label, bad, message) => {
    const result = importWithBad(bad)
    expect(result.candidates.map((c) => c.name)).toEqual(['first', 'last'])
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      where: 'servers.json: Servers/7',
    })
    expect(result.problems[0]!.message).toMatch(/^Skipped: /)
    expect(result.problems[0]!.message).toMatch(message)
  })

  it('lists every wrong key of the entry in its one error', () => {
    const result = importWithBad({ ...good('x'), Port: '1', Host: 2 })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toMatch(/Host must be text/)
    expect(result.problems[0]!.message).toMatch(/Port must be a number/)
  })

  it('accepts null for optional keys and any type for keys it does not read', () => {
    const result = importWithBad({
      ...good('x'),
      SSLMode: null,
      Comment: 42,
      BGColor: ['not', 'a', 'colour'],
      Tags: 'x',
      KerberosAuthentication: 'yes',
    })
    expect(result.problems).toEqual([])
    expect(result.candidates).toHaveLength(3)
  })

  it('does not quote the bad value in the error', () => {
    const result = importWithBad({ ...good('x'), Port: 'canary-port-91c' })
    expect(JSON.stringify(result.problems)).not.toContain('canary')
  })

  it('gives a __proto__ key in an entry no effect (no prototype, no inherited settings)', () => {
    const text =
      '{"Servers": {"1": {"Name": "p", "Group": "g", "Port": 5432, "MaintenanceDB": "d", ' +
      '"Username": "u", "Host": "h", "__proto__": {"SSLCert": "/evil"}}}}'
    const result = importPgadminServers(text, 'servers.json')
    expect(result.candidates[0]!.sslcert).toBeUndefined()
    expect(Object.getPrototypeOf(result.candidates[0])).toBe(Object.prototype)

    const nested = text.replace(
      '"__proto__"',
      '"ConnectionParameters": {"__proto__": {"passfile": "/x"}}, "x"',
    )
    expect(importPgadminServers(nested, 'f').candidates[0]!.passwordSource).toBe('none')

    const topLevel = `{"__proto__": ${text}}`
    expect(importPgadminServers(topLevel, 'f').candidates).toEqual([])
  })
})

/**
 * Size limits: text over 5 MiB and files listing more than 10 000 servers are refused whole,
 * with one error and zero candidates.
 */
const oneServer = JSON.stringify({
  Servers: {
    '1': { Name: 's', Group: 'g', Host: 'h', Port: 5432, MaintenanceDB: 'd', Username: 'u' },
  },
})

/** `count` entries that are cheap to build; the count is checked before any entry is. */
function placeholderServers(count: number): string {
  const entries: string[] = []
  for (let i = 1; i <= count; i++) entries.push(`"${i}":0`)
  return `{"Servers":{${entries.join(',')}}}`
}

describe('pgAdmin import limits', () => {
  it('refuses text over 5 MiB, even when it is a valid servers file', () => {
    const padded = oneServer.replace('{', `{"Padding": "${'x'.repeat(MAX_PGADMIN_FILE_BYTES)}",`)
    const result = importPgadminServers(padded, 'big.json')
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: 'big.json',
        message: 'The file is larger than 5 MiB and was not read.',
      },
    ])
  })

  it('counts bytes, not characters: multi-byte text just over the limit is refused', () => {
    const text = `{"Servers": {}, "c": "${'é'.repeat(MAX_PGADMIN_FILE_BYTES / 2)}"}`
    expect(text.length).toBeLessThan(MAX_PGADMIN_FILE_BYTES)
    expect(importPgadminServers(text, 'f').problems[0]!.message).toMatch(/larger than 5 MiB/)
  })

  it(`refuses a file listing more than ${MAX_PGADMIN_SERVERS} servers`, () => {
    const result = importPgadminServers(placeholderServers(MAX_PGADMIN_SERVERS + 1), 'many.json')
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: 'many.json',
        message: 'The file lists 10001 servers; at most 10000 can be imported at once.',
      },
    ])
  })

  it(`reads the entries of a file listing exactly ${MAX_PGADMIN_SERVERS} servers`, () => {
    const result = importPgadminServers(placeholderServers(MAX_PGADMIN_SERVERS), 'many.json')
    // Every placeholder entry is then judged on its own (and is not a server object).
    expect(result.problems).toHaveLength(MAX_PGADMIN_SERVERS)
    expect(result.problems.every((p) => p.message === 'Skipped: the entry is not an object.')).toBe(
      true,
    )
  })

  it('a valid file under both limits is read', () => {
    expect(importPgadminServers(oneServer, 'f').candidates).toHaveLength(1)
  })
})
