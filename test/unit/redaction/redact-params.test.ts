import { describe, expect, it, vi } from 'vitest'
import { REDACTED, redactParams, UNPARSEABLE } from '../../../src/main/engine/profiles/redact'

describe('redactParams', () => {
  it('masks secret keys case-insensitively, including PGPASSWORD', () => {
    const out = redactParams({
      host: 'h',
      password: 'hunter2',
      Password: 'hunter2',
      SSLPASSWORD: 'hunter2',
      PGPASSWORD: 'hunter2',
      pgPassword: 'hunter2',
      oauth_client_secret: 'hunter2',
      passfile: '/home/u/.pgpass',
      sslkey: '/k.pem',
    })
    expect(out).toEqual({
      host: 'h',
      password: REDACTED,
      Password: REDACTED,
      SSLPASSWORD: REDACTED,
      PGPASSWORD: REDACTED,
      pgPassword: REDACTED,
      oauth_client_secret: REDACTED,
      passfile: '/home/u/.pgpass',
      sslkey: '/k.pem',
    })
  })

  it('masks an empty password but keeps "not set" values', () => {
    expect(redactParams({ password: '', sslpassword: undefined, PGPASSWORD: null })).toEqual({
      password: REDACTED,
      sslpassword: undefined,
      PGPASSWORD: null,
    })
  })

  it('masks inline TLS secrets in a node-postgres ssl object, keeps public parts', () => {
    const out = redactParams({
      ssl: {
        key: 'k',
        pfx: Buffer.from('p'),
        passphrase: 'hunter2',
        ca: 'ca',
        cert: 'c',
        rejectUnauthorized: true,
      },
    })
    expect(out).toEqual({
      ssl: {
        key: REDACTED,
        pfx: REDACTED,
        passphrase: REDACTED,
        ca: 'ca',
        cert: 'c',
        rejectUnauthorized: true,
      },
    })
  })

  it('masks a PEM private key under any key', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nhunter2\n-----END RSA PRIVATE KEY-----'
    expect(redactParams({ material: pem })).toEqual({ material: REDACTED })
  })

  it('redacts connection strings held in parameters', () => {
    expect(
      redactParams({
        connectionString: 'postgresql://u:hunter2@h/db',
        DSN: 'host=h password=hunter2',
        dbname: 'host=h password=hunter2',
        connection_string: 'not a connection string hunter2',
      }),
    ).toEqual({
      connectionString: 'postgresql://u:********@h/db',
      DSN: 'host=h password=********',
      dbname: 'host=h password=********',
      connection_string: UNPARSEABLE,
    })
  })

  it('never calls a password function or a getter, and copies no functions', () => {
    const password = vi.fn(async () => 'hunter2')
    const getter = vi.fn(() => 'hunter2')
    const params = {
      host: 'h',
      password,
      onNotice: () => undefined,
      method() {
        return 'x'
      },
      get user() {
        return getter()
      },
      get sslpassword() {
        return getter()
      },
    }
    const out = redactParams(params)
    expect(out).toEqual({ host: 'h', password: REDACTED, sslpassword: REDACTED })
    expect(password).not.toHaveBeenCalled()
    expect(getter).not.toHaveBeenCalled()
  })

  it('copies only own enumerable data (node-postgres hides its password non-enumerably)', () => {
    const params = Object.create({ inherited: 'hunter2' }) as Record<string, unknown>
    params.host = 'h'
    Object.defineProperty(params, 'password', { value: 'hunter2', enumerable: false })
    params[Symbol('s') as unknown as string] = 'hunter2'
    expect(redactParams(params)).toEqual({ host: 'h' })
  })

  it('does not mutate the input and shares no nested objects with it', () => {
    const input = {
      password: 'hunter2',
      ssl: { key: 'k', ca: 'ca' },
      hosts: ['a', 'b'],
      nested: { deep: { password: 'hunter2', port: 5432 } },
    }
    const before = structuredClone(input)
    const out = redactParams(input)
    expect(input).toEqual(before)
    expect(out).toEqual({
      password: REDACTED,
      ssl: { key: REDACTED, ca: 'ca' },
      hosts: ['a', 'b'],
      nested: { deep: { password: REDACTED, port: 5432 } },
    })
    expect(out.ssl).not.toBe(input.ssl)
    expect(out.hosts).not.toBe(input.hosts)
    ;(out.hosts as string[]).push('c')
    expect(input.hosts).toEqual(['a', 'b'])
  })

  it('replaces non-plain objects, cuts cycles and deep nesting', () => {
    class Secretive {
      password = 'hunter2'
    }
    const cyclic: Record<string, unknown> = { host: 'h' }
    cyclic.self = cyclic
    let deep: Record<string, unknown> = { password: 'hunter2' }
    for (let i = 0; i < 20; i++) deep = { d: deep }
    const out = redactParams({
      when: new Date(0),
      obj: new Secretive(),
      buf: Buffer.from('hunter2'),
      cyclic,
      deep,
    })
    expect(out.when).toBe('[non-plain value]')
    expect(out.obj).toBe('[non-plain value]')
    expect(out.buf).toBe('[non-plain value]')
    expect(out.cyclic).toEqual({ host: 'h', self: '[circular]' })
    expect(JSON.stringify(out)).not.toContain('hunter2')
  })

  it('keeps an own "__proto__" key as data without touching the prototype', () => {
    const input = JSON.parse('{"__proto__": {"password": "hunter2"}, "host": "h"}') as object
    const out = redactParams(input)
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ password: REDACTED })
    expect(out.host).toBe('h')
  })

  it('returns an empty object for non-object input', () => {
    expect(redactParams(null as unknown as object)).toEqual({})
    expect(redactParams('password=hunter2' as unknown as object)).toEqual({})
    expect(redactParams(['hunter2'])).toEqual({})
  })
})
