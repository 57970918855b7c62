import { describe, expect, it } from 'vitest'
import {
  MINUTE_SLOTS,
  MetricsHistory,
  SECOND_SLOTS,
} from '../../../src/main/engine/metrics/metrics-history'
import { BYTES_PER_SLOT } from '../../../src/main/engine/metrics/sample-ring'
import { sampleAt } from './support/stats'

const T0 = Date.UTC(2026, 2, 1, 0, 0, 0)

describe('metrics history memory', () => {
  it('holds a fixed number of bytes per profile from the first sample to 25 hours later', () => {
    const history = new MetricsHistory()
    history.record('p', sampleAt(T0, 0))
    const first = history.byteLength('p')
    const seconds = 25 * 3600
    for (let n = 1; n < seconds; n++) history.record('p', sampleAt(T0 + n * 1000, n))

    expect(history.byteLength('p')).toBe(first)
    expect(first).toBe(MetricsHistory.bytesPerProfile)
    expect(first).toBe((SECOND_SLOTS + MINUTE_SLOTS) * BYTES_PER_SLOT)
    // The claim in metrics-history.ts: about 310 KiB a profile.
    expect(first).toBe(317_520)
    console.log(
      `metrics history: ${BYTES_PER_SLOT} bytes a slot, ${first} bytes (${(first / 1024).toFixed(1)} KiB) a profile at full`,
    )
  })

  it('never returns more points than a range has slots, however long it runs', () => {
    const history = new MetricsHistory()
    const seconds = 25 * 3600
    for (let n = 0; n < seconds; n++) history.record('p', sampleAt(T0 + n * 1000, n))
    const now = T0 + (seconds - 1) * 1000

    expect(history.query('p', '5m', now).points).toHaveLength(300)
    expect(history.query('p', '1h', now).points).toHaveLength(SECOND_SLOTS)
    expect(history.query('p', '24h', now).points).toHaveLength(MINUTE_SLOTS)
  })

  it('allocates nothing for a profile that has no sample', () => {
    const history = new MetricsHistory()
    expect(history.byteLength('none')).toBe(0)
    expect(history.has('none')).toBe(false)
    history.record('a', sampleAt(T0, 1))
    expect(history.profileIds()).toEqual(['a'])
    history.forget('a')
    expect(history.byteLength('a')).toBe(0)
    expect(history.query('a', '1h', T0).points).toEqual([])
  })
})
