import { describe, expect, it } from 'vitest'
import { samplingIdentity } from '../../../src/main/engine/monitor/sampling-identity'

describe('which profiles may share a session sampler (sampling-identity.ts)', () => {
  const base = { host: 'db.example', port: 5432, user: 'app' }

  it('the same server and role share, whatever the database', () => {
    expect(samplingIdentity(base)).toBe(samplingIdentity({ ...base, fallbackHosts: [] }))
    expect(samplingIdentity({ ...base, host: 'DB.example' })).toBe(samplingIdentity(base))
  })

  it('another port, host or role does not', () => {
    const others = [
      { ...base, port: 5433 },
      { ...base, host: 'db2.example' },
      { ...base, user: 'report' },
    ]
    for (const other of others) expect(samplingIdentity(other)).not.toBe(samplingIdentity(base))
  })

  it('a profile with fallback hosts samples on its own', () => {
    expect(samplingIdentity({ ...base, fallbackHosts: [{ host: 'standby', port: 5432 }] })).toBe(
      undefined,
    )
  })
})
