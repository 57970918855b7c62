import { describe, expect, it } from 'vitest'
import type { ProfileSummary } from '../../../src/shared/domain'
import {
  buildMetricsSnapshot,
  metricsSnapshotJson,
} from '../../../src/main/engine/metrics/json-snapshot'
import { withoutSecrets } from '../../../src/main/engine/metrics/secret-free'

const CANARY = 'CANARY-7f3a9c'

function summary(): ProfileSummary & Record<string, unknown> {
  return {
    id: 'p1',
    kind: 'user',
    name: 'orders',
    host: 'db.internal',
    port: 5432,
    database: 'orders',
    user: 'app',
    sslmode: 'verify-full',
    group: 'prod',
    color: 'blue',
    fallbackHosts: [{ host: 'db2.internal', port: 5433 }],
    sslrootcert: '/etc/ssl/root.crt',
    sslcert: null,
    sslkey: '/etc/ssl/client.key',
    applicationName: 'lifeguard',
    connectTimeoutS: 5,
    settings: { poolMax: 10, password: CANARY } as ProfileSummary['settings'],
    passwordCommand: `pass show db/${CANARY}`,
    hasSessionPassword: true,
    passwordStored: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    // anything a future field or a careless caller could add
    password: CANARY,
    PGPASSWORD: CANARY,
    sslpassword: CANARY,
    apiToken: CANARY,
    clientSecret: CANARY,
    credentials: { user: 'x', pass: CANARY },
    connectionString: `postgresql://app:${CANARY}@db.internal/orders`,
    dsn: `host=db.internal password=${CANARY} dbname=orders`,
    note: `copied from postgres://app:${CANARY}@db.internal:5432/orders by hand`,
    pem: `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----`,
  }
}

describe('JSON metrics snapshot: no secrets', () => {
  it('drops every password-like field and masks passwords in connection strings', () => {
    const profile = summary()
    const snapshot = buildMetricsSnapshot({
      exportedAt: Date.UTC(2026, 0, 1),
      scope: 'profile',
      profiles: [
        {
          profile,
          state: {
            profileId: 'p1',
            error: { message: `auth failed for postgres://app:${CANARY}@h/db` },
          },
          series: [],
          events: [{ type: 'x', password: CANARY, detail: { token: CANARY } }],
          alerts: [{ kind: 'leak', secret: CANARY }],
        },
      ],
    })
    const text = metricsSnapshotJson(snapshot)
    expect(text).not.toContain(CANARY)
    const settings = snapshot.profiles[0]!.settings
    // the harmless facts and the ordinary settings are all still there
    expect(settings).toMatchObject({
      id: 'p1',
      host: 'db.internal',
      port: 5432,
      user: 'app',
      sslkey: '/etc/ssl/client.key',
      fallbackHosts: [{ host: 'db2.internal', port: 5433 }],
      settings: { poolMax: 10 },
      hasSessionPassword: true,
      passwordStored: true,
    })
    for (const key of [
      'password',
      'passwordCommand',
      'PGPASSWORD',
      'sslpassword',
      'apiToken',
      'clientSecret',
      'credentials',
    ]) {
      expect(settings, key).not.toHaveProperty(key)
    }
    expect(settings.connectionString).toBe('postgresql://app:********@db.internal/orders')
    expect(settings.note).toBe(
      'copied from postgres://app:********@db.internal:5432/orders by hand',
    )
    expect(settings.dsn).toContain('password=********')
    expect(settings.pem).toBe('********')
    expect(snapshot.profiles[0]!.events).toEqual([{ type: 'x', detail: {} }])
    expect(snapshot.profiles[0]!.alerts).toEqual([{ kind: 'leak' }])
  })

  it('never calls a getter, copies no function and survives a cycle', () => {
    const cyclic: Record<string, unknown> = { name: 'c' }
    cyclic.self = cyclic
    Object.defineProperty(cyclic, 'computed', {
      enumerable: true,
      get: () => {
        throw new Error('getter called')
      },
    })
    cyclic.fn = () => CANARY
    expect(withoutSecrets(cyclic)).toEqual({ name: 'c', self: '[circular]' })
    expect(withoutSecrets([1, new Date(0), 2n])).toEqual([1, '[non-plain value]', '2'])
  })

  it('leaves the input untouched', () => {
    const profile = summary()
    const before = structuredClone(profile)
    withoutSecrets(profile)
    expect(profile).toEqual(before)
  })
})
