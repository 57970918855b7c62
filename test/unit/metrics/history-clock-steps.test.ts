import { describe, expect, it } from 'vitest'
import { MetricsHistory } from '../../../src/main/engine/metrics/metrics-history'
import { isLifeguardError } from '../../../src/main/engine/core/errors'
import { sampleAt, statsFor } from './support/stats'

const T0 = Date.UTC(2026, 2, 1, 12, 0, 0)

describe('metrics history and the wall clock', () => {
  it('after a backward step shows only the samples since the step, still oldest first', () => {
    const history = new MetricsHistory()
    for (let n = 0; n < 120; n++) history.record('p', sampleAt(T0 + n * 1000, n))
    const stepped = T0 + 30_000 // the clock goes back 90 s
    for (let n = 0; n < 10; n++) history.record('p', sampleAt(stepped + n * 1000, 500 + n))

    const now = stepped + 9000
    for (const range of ['5m', '1h'] as const) {
      const points = history.query('p', range, now).points
      expect(points.map((p) => p.stats)).toEqual(
        Array.from({ length: 10 }, (_, n) => statsFor(500 + n)),
      )
    }
    const minutes = history.query('p', '24h', now).points
    for (let i = 1; i < minutes.length; i++)
      expect(minutes[i]!.at).toBeGreaterThan(minutes[i - 1]!.at)
  })

  it('after a forward step shows the new samples and the old ones still in the window', () => {
    const history = new MetricsHistory()
    for (let n = 0; n < 10; n++) history.record('p', sampleAt(T0 + n * 1000, n))
    const jumped = T0 + 120_000
    history.record('p', sampleAt(jumped, 99))
    expect(history.query('p', '5m', jumped).points.map((p) => p.stats.acquires)).toEqual([
      ...Array.from({ length: 10 }, (_, n) => statsFor(n).acquires),
      statsFor(99).acquires,
    ])
    expect(history.query('p', '5m', jumped + 400_000).points).toEqual([])
  })

  it('refuses a sample time that is not a wall-clock ms', () => {
    const history = new MetricsHistory()
    for (const at of [NaN, Infinity, -1]) {
      let caught: unknown
      try {
        history.record('p', sampleAt(at, 1))
      } catch (error) {
        caught = error
      }
      expect(isLifeguardError(caught) && caught.code).toBe('validation')
    }
    expect(history.has('p')).toBe(false)
  })
})
