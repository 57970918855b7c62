/** The achieved rate: completions per second over the last 10 whole seconds, in fixed memory. */
import { describe, expect, it } from 'vitest'
import { RateWindow } from '../../../src/main/engine/loadlab/rate-window'

describe('RateWindow', () => {
  it('is the steady rate once the window is full', () => {
    const w = new RateWindow(10_000)
    w.reset(0)
    for (let t = 0; t < 30_000; t += 50) w.add(t)
    expect(w.rate(30_000)).toBe(20)
    expect(w.rate(30_500)).toBe(20)
  })

  it('follows a change within the window', () => {
    const w = new RateWindow(10_000)
    w.reset(0)
    for (let t = 0; t < 20_000; t += 100) w.add(t)
    for (let t = 20_000; t < 25_000; t += 50) w.add(t)
    // Last 10 whole seconds: 5 at 10/s and 5 at 20/s.
    expect(w.rate(25_000)).toBe(15)
  })

  it('uses the time so far before a whole second has passed, and 0 with nothing', () => {
    const w = new RateWindow(10_000)
    w.reset(1_000)
    expect(w.rate(1_000)).toBe(0)
    w.add(1_100)
    w.add(1_200)
    expect(w.rate(1_500)).toBe(4)
  })

  it('forgets what is older than the window', () => {
    const w = new RateWindow(10_000)
    w.reset(0)
    for (let t = 0; t < 5_000; t += 10) w.add(t)
    expect(w.rate(60_000)).toBe(0)
  })
})
