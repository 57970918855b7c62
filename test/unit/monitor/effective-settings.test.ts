import { describe, expect, it } from 'vitest'
import { defaultEngineSettings } from '../../../src/main/engine/defaults'
import { effectiveSettingsOf } from '../../../src/main/engine/monitor/profile-settings'
import { profileDefaults, type StoredProfile } from '../../../src/main/engine/profiles/profile-file'

function stored(kind: 'user' | 'demo', settings: StoredProfile['settings'] = {}): StoredProfile {
  return {
    ...profileDefaults,
    id: 'p1',
    kind,
    name: 'p1',
    host: '127.0.0.1',
    port: 5432,
    database: 'postgres',
    user: 'postgres',
    sslmode: 'disable',
    createdAt: '2026-12-03T00:00:00.000Z',
    settings,
  }
}

describe('effective settings (what the Settings tab shows)', () => {
  it('fills every setting a user profile leaves empty with the engine default', () => {
    expect(effectiveSettingsOf(stored('user'), defaultEngineSettings)).toEqual({
      poolMax: 10,
      poolMin: 2,
      acquireTimeoutMs: 30_000,
      probeIntervalMs: 2_000,
      probeTimeoutMs: 2_000,
      unavailableAfterMs: 30_000,
      idleInTransactionAlertMs: 60_000,
      longQueryWarningMs: 120_000,
      longQueryCriticalMs: 300_000,
    })
  })

  it('keeps the profile’s own values and applies the couplings the engine applies', () => {
    const e = effectiveSettingsOf(
      stored('user', {
        poolMax: 3,
        poolMin: 5,
        probeIntervalMs: 5_000,
        longQueryCriticalMs: 30_000,
      }),
      defaultEngineSettings,
    )
    expect(e.poolMax).toBe(3)
    expect(e.poolMin).toBe(3) // min never above max
    expect(e.probeIntervalMs).toBe(5_000)
    expect(e.longQueryCriticalMs).toBe(30_000)
    expect(e.longQueryWarningMs).toBe(30_000) // the warning line moves down with the critical one
  })

  it('gives the local demo its own pool size', () => {
    const e = effectiveSettingsOf(stored('demo'), defaultEngineSettings)
    expect([e.poolMax, e.poolMin]).toEqual([8, 2])
  })
})
