/**
 * The retry chart's data: x = wall time of each attempt, y = delay before it in seconds, scheduled
 * only for scheduled attempts; markers by outcome; the next scheduled attempt; round time ticks.
 */
import { describe, expect, it } from 'vitest'
import {
  markerOf,
  retrySeries,
  timeRange,
  timeStep,
} from '../../../src/renderer/src/features/health/retry-series'
import { attempt, T0 } from './health-fixture'

const probe = attempt(0, {
  trigger: 'probe',
  at: T0,
  scheduledDelayMs: 0,
  actualDelayMs: 0,
  durationMs: 0,
})
const first = attempt(1, { at: T0 + 1_000, scheduledDelayMs: 1_000, actualDelayMs: 1_004 })
const second = attempt(2, { at: T0 + 3_050, scheduledDelayMs: 2_030, actualDelayMs: 2_040 })
const manual = attempt(3, {
  trigger: 'manual',
  at: T0 + 4_000,
  scheduledDelayMs: 0,
  actualDelayMs: 0,
  outcome: 'success',
  errorClass: null,
  errorCode: null,
  message: null,
})

describe('retry series', () => {
  it('markers: success, failed attempt, failed probe', () => {
    expect(markerOf(manual)).toBe('success')
    expect(markerOf(first)).toBe('failure')
    expect(markerOf(probe)).toBe('probe-failure')
  })

  it('actual: every record at its start; only scheduled ones have a delay', () => {
    const s = retrySeries([probe, first, second, manual], null)
    expect(s.actual).toEqual([
      { x: T0, y: 0 },
      { x: T0 + 1_000, y: 1.004 },
      { x: T0 + 3_050, y: 2.04 },
      { x: T0 + 4_000, y: 0 },
    ])
    expect(s.markers).toEqual(['probe-failure', 'failure', 'failure', 'success'])
  })

  it('scheduled: the delay the backoff asked for, scheduled attempts only', () => {
    const s = retrySeries([probe, first, second, manual], null)
    expect(s.scheduled).toEqual([
      { x: T0 + 1_000, y: 1 },
      { x: T0 + 3_050, y: 2.03 },
    ])
  })

  it('next: the scheduled attempt, at the delay armed when the last one ended', () => {
    const last = { ...second, durationMs: 50 }
    const s = retrySeries([first, last], T0 + 7_100)
    expect(s.next).toEqual([{ x: T0 + 7_100, y: 4 }])
  })

  it('no next point after a success, or when nothing is scheduled', () => {
    expect(retrySeries([first, manual], T0 + 9_000).next).toEqual([])
    expect(retrySeries([first], null).next).toEqual([])
    expect(retrySeries([], T0).next).toEqual([])
  })

  it.each([
    [5_000, 1_000],
    [7_000, 1_000],
    [7_001, 2_000],
    [60_000, 10_000],
    [600_000, 120_000],
    [3 * 3_600_000, 1_800_000],
  ])('timeStep(%s) -> %s', (span, step) => {
    expect(timeStep(span)).toBe(step)
  })

  it('timeRange pads both sides and starts and ends on whole steps', () => {
    const points = [
      { x: T0 + 300, y: 0 },
      { x: T0 + 9_700, y: 2 },
    ]
    const range = timeRange(points, 0)
    expect(range.step).toBe(2_000)
    expect(range.min % range.step).toBe(0)
    expect(range.max % range.step).toBe(0)
    expect(range.min).toBeLessThan(T0 + 300)
    expect(range.max).toBeGreaterThan(T0 + 9_700)
    expect((range.max - range.min) / range.step).toBeLessThanOrEqual(7)
  })

  it('timeRange of a single point still spans a few seconds; of none, the last minute', () => {
    const one = timeRange([{ x: T0, y: 0 }], 0)
    expect(one.max - one.min).toBeGreaterThanOrEqual(2_000)
    expect(timeRange([], T0 + 5_000)).toEqual({ min: T0 - 50_000, max: T0 + 10_000, step: 10_000 })
  })
})
