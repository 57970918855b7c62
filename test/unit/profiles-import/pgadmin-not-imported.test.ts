/**
 * pgAdmin settings a profile cannot hold: passwords, services, SSH tunnels, password commands.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { importPgadminServers } from '../../../src/main/engine/profiles/import/pgadmin'

/**
 * pgAdmin never writes passwords to servers.json. A PassFile / passfile says where one is
 * (passwordSource 'pgadmin-passfile', the file is not read); a Password someone added by hand is
 * ignored, as pgAdmin ignores it, and appears nowhere in the result.
 */
const CANARY = `Canary-pw:\\@#%'"é`

const base = { Name: 's', Group: 'g', Host: 'h', Port: 5432, MaintenanceDB: 'd', Username: 'u' }
const one = (server: Record<string, unknown>) =>
  importPgadminServers(JSON.stringify({ Servers: { '1': server } }), 'servers.json')

describe('pgAdmin passwords', () => {
  it('notes a PassFile without reading it', () => {
    const result = one({ ...base, PassFile: '/no/such/dir/.pgpass' })
    expect(result.problems).toEqual([])
    expect(result.candidates[0]!.passwordSource).toBe('pgadmin-passfile')
  })

  it('notes a ConnectionParameters.passfile the same way', () => {
    const result = one({ ...base, ConnectionParameters: { passfile: '/no/such/dir/.pgpass' } })
    expect(result.candidates[0]!.passwordSource).toBe('pgadmin-passfile')
  })

  it.each([
    ['a top-level Password', { ...base, Password: CANARY }],
    ['a lower-case password', { ...base, password: CANARY }],
    ['ConnectionParameters.password', { ...base, ConnectionParameters: { password: CANARY } }],
    [
      'ConnectionParameters.sslpassword',
      { ...base, ConnectionParameters: { sslpassword: CANARY } },
    ],
  ])('%s is ignored with a warning and never appears in the result', (_label, server) => {
    const result = one(server)
    expect(result.candidates).toHaveLength(1)
    expect(result.candidates[0]!.passwordSource).toBe('none')
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: 'servers.json: Servers/1',
        message:
          'A password in this entry was ignored: pgAdmin does not import passwords from this file.',
      },
    ])
    expect(JSON.stringify(result)).not.toContain('Canary')
    expect(inspect(result, { depth: 10 })).not.toContain('Canary')
  })

  it('keeps a password of a badly typed entry out of the error too', () => {
    const result = one({ ...base, Port: 'x', Password: CANARY })
    expect(result.problems[0]!.severity).toBe('error')
    expect(JSON.stringify(result)).not.toContain('Canary')
  })
})

/**
 * Settings a profile cannot express are reported, not silently dropped: a Service reference
 * (services come from the service file), an SSH tunnel, a password command.
 */
const entry = (server: Record<string, unknown>) =>
  importPgadminServers(
    JSON.stringify({ Servers: { '3': { Name: 's', Group: 'g', MaintenanceDB: 'd', ...server } } }),
    'servers.json',
  )

describe('pgAdmin settings a profile cannot hold', () => {
  it('a server defined only by a Service: a warning and no candidate', () => {
    const result = entry({ Service: 'billing' })
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: 'servers.json: Servers/3',
        message:
          'Uses the service "billing"; services are imported from the service file ' +
          '(pg_service.conf). No candidate was made from this entry.',
      },
    ])
  })

  it('a Service beside Host, Port and Username: a candidate and a warning', () => {
    const result = entry({ Service: 'billing', Host: 'h', Port: 5432, Username: 'u' })
    expect(result.candidates).toHaveLength(1)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({ severity: 'warning' })
    expect(result.problems[0]!.message).toMatch(/service "billing"/)
  })

  it.each([1, true])('UseSSHTunnel %s: a warning that Lifeguard connects directly', (tunnel) => {
    const result = entry({
      Host: 'h',
      Port: 5432,
      Username: 'u',
      UseSSHTunnel: tunnel,
      TunnelHost: 'jump',
    })
    expect(result.candidates).toHaveLength(1)
    expect(result.problems.map((p) => p.message)).toEqual([
      'pgAdmin reaches this server through an SSH tunnel; Lifeguard would connect directly.',
    ])
  })

  it.each([0, false])('UseSSHTunnel %s: no warning', (tunnel) => {
    expect(entry({ Host: 'h', Port: 5432, Username: 'u', UseSSHTunnel: tunnel }).problems).toEqual(
      [],
    )
  })

  it('a PasswordExecCommand: a warning that the command is not imported', () => {
    const result = entry({ Host: 'h', Port: 5432, Username: 'u', PasswordExecCommand: "echo 'x'" })
    expect(result.problems.map((p) => p.message)).toEqual([
      'pgAdmin runs a command to get this password; that command is not imported.',
    ])
    expect(JSON.stringify(result)).not.toContain('echo')
  })

  it("SSL files under pgAdmin's <STORAGE_DIR>: not imported, with a warning each", () => {
    const result = entry({
      Host: 'h',
      Port: 5432,
      Username: 'u',
      SSLCert: '<STORAGE_DIR>/.postgresql/postgresql.crt',
      SSLKey: '<STORAGE_DIR>/.postgresql/postgresql.key',
      SSLRootCert: '/etc/ssl/root.crt',
    })
    expect(result.candidates[0]).toMatchObject({ sslrootcert: '/etc/ssl/root.crt' })
    expect(result.candidates[0]!.sslcert).toBeUndefined()
    expect(result.candidates[0]!.sslkey).toBeUndefined()
    expect(result.problems.map((p) => p.message)).toEqual([
      "sslcert is inside pgAdmin's <STORAGE_DIR> and was not imported.",
      "sslkey is inside pgAdmin's <STORAGE_DIR> and was not imported.",
    ])
  })

  it('a comma-separated Host becomes a multi-host candidate with one shared port', () => {
    const result = entry({ Host: 'a.example.com, b.example.com', Port: 6432, Username: 'u' })
    expect(result.candidates[0]).toMatchObject({
      hosts: ['a.example.com', 'b.example.com'],
      ports: [6432],
    })
  })
})
