/** Issue 7 item 1: the profile model's fields, each with a field-level message. */
import { describe, expect, it } from 'vitest'
import { profileDraftSchema } from '../../../src/shared/schemas'

const base = {
  name: 'prod',
  host: 'db1.internal',
  port: 5432,
  database: 'app',
  user: 'dba',
  sslmode: 'verify-full',
}

function problems(draft: object): Array<{ path: string; message: string }> {
  const result = profileDraftSchema.safeParse(draft)
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('the profile draft', () => {
  it('takes every field of the model', () => {
    const full = {
      ...base,
      group: '  Production  ',
      color: 'red',
      fallbackHosts: [
        { host: 'db2.internal', port: 5433 },
        { host: '10.0.0.7', port: 5432 },
      ],
      sslrootcert: '/etc/ssl/pg/root.crt',
      sslcert: '/home/dba/.postgresql/postgresql.crt',
      sslkey: '/home/dba/.postgresql/postgresql.key',
      applicationName: 'lifeguard-prod',
      connectTimeoutS: 5,
      settings: { poolMax: 20, poolMin: 4, probeIntervalMs: 5000, unavailableAfterMs: 60000 },
    }
    const parsed = profileDraftSchema.parse(full)
    expect(parsed.group).toBe('Production')
    expect(parsed.fallbackHosts).toHaveLength(2)
    expect(parsed.settings).toEqual(full.settings)
  })

  it('keeps the old minimal draft valid', () => {
    expect(problems(base)).toEqual([])
  })

  it.each([
    [{ color: 'chartreuse' }, 'color', 'color must be one of'],
    [
      { fallbackHosts: Array.from({ length: 8 }, () => ({ host: 'h', port: 1 })) },
      'fallbackHosts',
      'at most 7',
    ],
    [
      { fallbackHosts: [{ host: 'bad host!', port: 5432 }] },
      'fallbackHosts.0.host',
      'host must be',
    ],
    [
      { fallbackHosts: [{ host: 'db3', port: 70000 }] },
      'fallbackHosts.0.port',
      'between 1 and 65535',
    ],
    [{ sslrootcert: 'certs/root.crt' }, 'sslrootcert', 'absolute path'],
    [{ sslcert: '/c.crt' }, 'sslkey', 'give both or neither'],
    [{ applicationName: 'lifeguard ✓' }, 'applicationName', 'printable ASCII'],
    [{ applicationName: 'x'.repeat(64) }, 'applicationName', 'at most 63'],
    [{ connectTimeoutS: 0 }, 'connectTimeoutS', 'between 1 and 600'],
    [{ connectTimeoutS: 2.5 }, 'connectTimeoutS', 'whole number'],
    [
      { settings: { poolMin: 12, poolMax: 10 } },
      'settings.poolMin',
      'pool min must not be above pool max',
    ],
    [{ settings: { poolMax: 1 } }, 'settings.poolMax', 'between 2 and 1000'],
    [{ settings: { retries: 3 } }, 'settings', 'retries'],
    [{ group: 'g'.repeat(61) }, 'group', 'at most 60'],
  ])('%j is refused at %s', (extra, path, message) => {
    const found = problems({ ...base, ...extra })
    expect(found.length).toBeGreaterThan(0)
    expect(found.some((p) => p.path === path && p.message.includes(message))).toBe(true)
  })
})

describe('alert thresholds in a profile', () => {
  it('refuses a long-query critical line below its warning line', () => {
    const found = problems({
      ...base,
      settings: { longQueryWarningMs: 300_000, longQueryCriticalMs: 120_000 },
    })
    expect(found).toContainEqual({
      path: 'settings.longQueryCriticalMs',
      message: 'long query critical must not be below long query warning',
    })
  })
})
