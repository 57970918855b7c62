import { describe, expect, it } from 'vitest'
import { timeTicks } from '../../../src/renderer/src/lib/time-ticks'

const local = (t: number) => t - new Date(t).getTimezoneOffset() * 60_000

describe('round ticks on a time axis', () => {
  it('puts a 5 min window’s ticks on whole minutes', () => {
    const min = Date.UTC(2026, 11, 3, 11, 34, 29, 417)
    const ticks = timeTicks(min, min + 300_000)
    expect(ticks).toHaveLength(5)
    for (const t of ticks) expect(local(t) % 60_000).toBe(0)
    expect(ticks[1]! - ticks[0]!).toBe(60_000)
    expect(ticks[0]).toBeGreaterThanOrEqual(min)
    expect(ticks.at(-1)).toBeLessThanOrEqual(min + 300_000)
  })

  it('uses 10 min steps for an hour and 6 h steps for a day, at most six ticks', () => {
    const min = Date.UTC(2026, 11, 3, 10, 7, 3)
    const hour = timeTicks(min, min + 3_600_000)
    expect(hour[1]! - hour[0]!).toBe(600_000)
    expect(hour.length).toBeLessThanOrEqual(6)
    const day = timeTicks(min, min + 86_400_000)
    expect(day[1]! - day[0]!).toBe(21_600_000)
    for (const t of day) expect(local(t) % 21_600_000).toBe(0)
  })

  it('gives no ticks for an empty or broken range', () => {
    expect(timeTicks(5, 5)).toEqual([])
    expect(timeTicks(10, 5)).toEqual([])
    expect(timeTicks(Number.NaN, 5)).toEqual([])
  })
})
