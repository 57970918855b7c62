/**
 * pgAdmin servers.json files that pgAdmin 4 v6 to v8 write, mapped to candidates.
 */
import { describe, expect, it } from 'vitest'
import { importPgadminServers } from '../../../src/main/engine/profiles/import/pgadmin'

/**
 * A servers.json from pgAdmin 4 v6 (before ConnectionParameters): SSL settings, PassFile,
 * HostAddr and Timeout are top-level keys of each server.
 */
const v6File = JSON.stringify(
  {
    Servers: {
      '1': {
        Name: 'Production',
        Group: 'Customers',
        Host: 'db1.example.com',
        Port: 5433,
        MaintenanceDB: 'postgres',
        Username: 'dba',
        SSLMode: 'verify-full',
        SSLCert: '/home/dba/.postgresql/client.crt',
        SSLKey: '/home/dba/.postgresql/client.key',
        SSLRootCert: '/etc/ssl/root.crt',
        SSLCompression: 0,
        PassFile: '/home/dba/.pgpass',
        Timeout: 10,
        Comment: 'main cluster',
        BGColor: '#ff9900',
        FGColor: '#000000',
        Shared: false,
        DBRestriction: 'app',
      },
      '2': {
        Name: 'Reporting',
        Group: 'Servers',
        Host: '10.0.0.12',
        HostAddr: '10.0.0.12',
        Port: 5432,
        MaintenanceDB: 'reports',
        Username: 'reader',
        SSLMode: 'prefer',
      },
    },
  },
  null,
  4,
)

describe('pgAdmin servers.json, v6 style (top-level SSL keys)', () => {
  const result = importPgadminServers(v6File, '/home/dba/servers.json')

  it('makes one candidate per server, in file order, with no problems', () => {
    expect(result.problems).toEqual([])
    expect(result.candidates.map((c) => c.name)).toEqual(['Production', 'Reporting'])
  })

  it('maps the connection fields and the older SSL / PassFile / Timeout keys', () => {
    expect(result.candidates[0]).toEqual({
      name: 'Production',
      group: 'Customers',
      hosts: ['db1.example.com'],
      ports: [5433],
      database: 'postgres',
      user: 'dba',
      sslmode: 'verify-full',
      sslcert: '/home/dba/.postgresql/client.crt',
      sslkey: '/home/dba/.postgresql/client.key',
      sslrootcert: '/etc/ssl/root.crt',
      connectTimeoutS: 10,
      origin: { kind: 'pgadmin', where: '/home/dba/servers.json: Servers/1' },
      passwordSource: 'pgadmin-passfile',
    })
  })

  it('leaves out a connect timeout of 0 (libpq: no timeout)', () => {
    const file = v6File.replace('"Timeout": 10', '"Timeout": 0')
    expect(importPgadminServers(file, 'f').candidates[0]!.connectTimeoutS).toBeUndefined()
  })

  it('says no password source without a PassFile', () => {
    expect(result.candidates[1]).toMatchObject({
      hosts: ['10.0.0.12'],
      ports: [5432],
      database: 'reports',
      user: 'reader',
      sslmode: 'prefer',
      passwordSource: 'none',
    })
  })
})

/**
 * A servers.json from pgAdmin 4 v7/v8: libpq settings live in ConnectionParameters, which wins
 * over the older top-level keys (as in pgAdmin's own loader).
 */
const v8File = JSON.stringify({
  Servers: {
    '1': {
      Name: 'PostgreSQL 16',
      Group: 'Servers',
      Host: 'localhost',
      Port: 5432,
      MaintenanceDB: 'postgres',
      Username: 'postgres',
      Comment: 'Auto-detected PostgreSQL 16 installation',
      KerberosAuthentication: false,
      ConnectionParameters: { sslmode: 'prefer', connect_timeout: 10 },
    },
    '2': {
      Name: 'Fully Defined Server',
      Group: 'Server Group 2',
      Host: 'host.domain.com',
      Port: 6432,
      MaintenanceDB: 'app',
      Username: 'owner',
      Role: 'my_role_name',
      Shared: false,
      BGColor: '#ff9900',
      // Older keys are ignored when ConnectionParameters is present.
      SSLMode: 'disable',
      PassFile: '/ignored/.pgpass',
      ConnectionParameters: {
        sslmode: 'verify-ca',
        connect_timeout: '15',
        passfile: '/Users/me/.pgpass',
        sslcert: '/Users/me/.ssh/cert',
        sslrootcert: '/Users/me/root.crt',
        application_name: 'pgadmin-import',
        sslcompression: 0,
      },
      Tags: [{ color: '#EC0BB4', text: 'Development' }],
      PostConnectionSQL: "set timezone='America/New_York'",
    },
    '3': {
      Name: 'Shared replica',
      Group: 'Servers',
      Host: 'replica.internal',
      Port: 5432,
      MaintenanceDB: 'postgres',
      SharedUsername: 'shared_reader',
      Shared: true,
      ConnectionParameters: {},
    },
  },
})

describe('pgAdmin servers.json, v7/v8 style (ConnectionParameters)', () => {
  const result = importPgadminServers(v8File, 'servers.json')

  it('imports every server without problems', () => {
    expect(result.problems).toEqual([])
    expect(result.candidates).toHaveLength(3)
  })

  it('reads sslmode and connect_timeout from ConnectionParameters', () => {
    expect(result.candidates[0]).toEqual({
      name: 'PostgreSQL 16',
      group: 'Servers',
      hosts: ['localhost'],
      ports: [5432],
      database: 'postgres',
      user: 'postgres',
      sslmode: 'prefer',
      connectTimeoutS: 10,
      origin: { kind: 'pgadmin', where: 'servers.json: Servers/1' },
      passwordSource: 'none',
    })
  })

  it('lets ConnectionParameters win over the older keys and takes a digits-only timeout', () => {
    expect(result.candidates[1]).toEqual({
      name: 'Fully Defined Server',
      group: 'Server Group 2',
      hosts: ['host.domain.com'],
      ports: [6432],
      database: 'app',
      user: 'owner',
      sslmode: 'verify-ca',
      sslcert: '/Users/me/.ssh/cert',
      sslrootcert: '/Users/me/root.crt',
      applicationName: 'pgadmin-import',
      connectTimeoutS: 15,
      origin: { kind: 'pgadmin', where: 'servers.json: Servers/2' },
      passwordSource: 'pgadmin-passfile',
    })
  })

  it("defaults sslmode to libpq's 'prefer' and takes SharedUsername when Username is absent", () => {
    expect(result.candidates[2]).toMatchObject({
      user: 'shared_reader',
      sslmode: 'prefer',
      passwordSource: 'none',
    })
  })
})

/**
 * HostAddr (v6) / hostaddr (v7+): used as the address when there is no Host; when both differ
 * the profile keeps Host and a warning says hostaddr was not imported.
 */
const server = (extra: Record<string, unknown>): string =>
  JSON.stringify({
    Servers: {
      '1': {
        Name: 's',
        Group: 'g',
        Port: 5432,
        MaintenanceDB: 'postgres',
        Username: 'u',
        ...extra,
      },
    },
  })

describe('pgAdmin HostAddr / hostaddr', () => {
  it('uses hostaddr as the host when Host is absent', () => {
    const result = importPgadminServers(
      server({ ConnectionParameters: { hostaddr: '192.0.2.7' } }),
      'f',
    )
    expect(result.problems).toEqual([])
    expect(result.candidates[0]!.hosts).toEqual(['192.0.2.7'])
  })

  it('uses the v6 HostAddr key the same way', () => {
    const result = importPgadminServers(server({ HostAddr: '192.0.2.8' }), 'f')
    expect(result.candidates[0]!.hosts).toEqual(['192.0.2.8'])
  })

  it('keeps Host and warns when hostaddr names a different address', () => {
    const result = importPgadminServers(
      server({ Host: 'db.example.com', ConnectionParameters: { hostaddr: '192.0.2.9' } }),
      'f',
    )
    expect(result.candidates[0]!.hosts).toEqual(['db.example.com'])
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: 'f: Servers/1',
        message: 'hostaddr is not imported; the profile connects to Host.',
      },
    ])
  })

  it('does not warn when hostaddr repeats Host', () => {
    const result = importPgadminServers(server({ Host: '10.1.1.1', HostAddr: '10.1.1.1' }), 'f')
    expect(result.problems).toEqual([])
  })
})
