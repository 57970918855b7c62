/**
 * The history's narrower columns (sample-ring.ts): pool gauges saturate at 65,535, the timeout and
 * leak counters at 2^32 - 1, the acquire counter stays exact past 2^32, negative values read 0.
 */
import { describe, expect, it } from 'vitest'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import { sampleAt, statsFor } from './support/stats'

const T0 = Date.UTC(2026, 11, 3, 12, 0, 0)

function newestStats(stats: Partial<ReturnType<typeof statsFor>>) {
  const history = new MetricsHistory()
  history.record('p', { ...sampleAt(T0, 1), stats: { ...statsFor(1), ...stats } })
  return history.query('p', '5m', T0).points.at(-1)!.stats
}

describe('metrics history column ranges', () => {
  it('keeps ordinary figures exactly', () => {
    const s = newestStats({ total: 1000, waiting: 1000, acquires: 123_456_789, timeouts: 77 })
    expect([s.total, s.waiting, s.acquires, s.timeouts]).toEqual([1000, 1000, 123_456_789, 77])
  })

  it('saturates gauges and the narrower counters instead of wrapping', () => {
    const s = newestStats({ waiting: 70_000, active: -3, timeouts: 2 ** 33, leaks: 2 ** 40 })
    expect(s.waiting).toBe(65_535)
    expect(s.active).toBe(0)
    expect(s.timeouts).toBe(2 ** 32 - 1)
    expect(s.leaks).toBe(2 ** 32 - 1)
  })

  it('keeps the acquire counter exact past 2^32', () => {
    expect(newestStats({ acquires: 2 ** 32 + 12_345 }).acquires).toBe(2 ** 32 + 12_345)
  })
})
