/**
 * The shared 1 Hz ticker behind every countdown, on a hand-driven timer source: it ticks just
 * after whole seconds, only while something listens, and leaves no timer behind.
 */
import { describe, expect, it } from 'vitest'
import {
  delayToNextSecond,
  SecondTicker,
  type TimerSource,
} from '../../../src/renderer/src/lib/second-ticker'

/** Time moves only when the test says so; due timers fire in order. */
function manualTimers(start: number) {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; callback: () => void }>()
  const source: TimerSource = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  }
  return {
    source,
    pending: () => timers.size,
    advance(ms: number) {
      const target = now + ms
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].callback()
      }
      now = target
    },
  }
}

const START = 1_767_259_800_250 // a quarter of a second past a whole second

describe('SecondTicker', () => {
  it('delayToNextSecond lands just after the next whole second', () => {
    expect(delayToNextSecond(START)).toBe(755)
    expect(delayToNextSecond(START - 250)).toBe(1_005)
    expect(delayToNextSecond(START + 749)).toBe(6)
  })

  it('arms no timer until something listens', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    expect(ticker.running).toBe(false)
    expect(timers.pending()).toBe(0)
  })

  it('ticks once a second after whole seconds while listened to', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    const seen: number[] = []
    ticker.subscribe(() => seen.push(ticker.now()))
    timers.advance(3_000)
    expect(seen).toEqual([START + 755, START + 1_755, START + 2_755])
    expect(timers.pending()).toBe(1)
  })

  it('one timer for any number of listeners; none left after the last one goes', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    let a = 0
    let b = 0
    const offA = ticker.subscribe(() => a++)
    const offB = ticker.subscribe(() => b++)
    expect(timers.pending()).toBe(1)
    timers.advance(2_000)
    expect([a, b]).toEqual([2, 2])
    offA()
    timers.advance(1_000)
    expect([a, b]).toEqual([2, 3])
    offB()
    expect(timers.pending()).toBe(0)
    expect(ticker.running).toBe(false)
    expect(ticker.listenerCount).toBe(0)
    timers.advance(5_000)
    expect([a, b]).toEqual([2, 3])
  })

  it('while idle, now() is stable within a second and catches up after one', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    timers.advance(400)
    expect(ticker.now()).toBe(START)
    expect(ticker.now()).toBe(START)
    timers.advance(700)
    expect(ticker.now()).toBe(START + 1_100)
  })

  it('subscribing reads the time afresh (a countdown never starts from a stale second)', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    timers.advance(900)
    ticker.subscribe(() => undefined)
    expect(ticker.now()).toBe(START + 900)
  })

  it('restarts after it stopped', () => {
    const timers = manualTimers(START)
    const ticker = new SecondTicker(timers.source)
    ticker.subscribe(() => undefined)()
    let ticks = 0
    ticker.subscribe(() => ticks++)
    timers.advance(1_000)
    expect(ticks).toBe(1)
    expect(timers.pending()).toBe(1)
  })
})
