/**
 * The sessions view's poller on a hand-driven timer source: a load at once and then every 2 s
 * from the start of the previous one, never two at a time, Refresh at once (or right after the
 * load in flight), and nothing left running or armed once stopped.
 */
import { describe, expect, it } from 'vitest'
import {
  SESSIONS_MIN_GAP_MS,
  SESSIONS_POLL_MS,
  SessionsPoller,
} from '../../../src/renderer/src/features/sessions/sessions-poller'
import { settle } from './event-bridge-fixture'
import { manualTimers } from './manual-timers'

const START = 1_767_259_800_000

/** Loads the test answers by hand; records when each started and how many were out at once. */
function harness() {
  const timers = manualTimers(START)
  const started: number[] = []
  const answers: (() => void)[] = []
  let out = 0
  let mostOut = 0
  const poller = new SessionsPoller({
    timers: timers.source,
    load: () => {
      started.push(timers.now() - START)
      out++
      mostOut = Math.max(mostOut, out)
      return new Promise<void>((resolve) => {
        answers.push(() => {
          out--
          resolve()
        })
      })
    },
  })
  return {
    timers,
    poller,
    started,
    mostOut: () => mostOut,
    /** Main answers the oldest load still out, after `ms` of taking it. */
    async answer(ms = 0) {
      timers.advance(ms)
      answers.shift()?.()
      await settle()
    },
  }
}

describe('sessions poller', () => {
  it('loads at once, then every 2 s from the start of the previous load', async () => {
    const h = harness()
    h.poller.start()
    expect(h.started).toEqual([0])
    await h.answer(30)
    expect(h.timers.nextAt()).toBe(START + SESSIONS_POLL_MS)
    h.timers.advance(SESSIONS_POLL_MS - 30)
    expect(h.started).toEqual([0, 2_000])
    await h.answer(50)
    h.timers.advance(SESSIONS_POLL_MS - 50)
    expect(h.started).toEqual([0, 2_000, 4_000])
  })

  it('never two loads at a time: a slow one delays the next instead of piling up', async () => {
    const h = harness()
    h.poller.start()
    h.timers.advance(10_000)
    expect(h.started).toEqual([0])
    expect(h.timers.pending()).toBe(0)
    await h.answer()
    // It took 10 s: the next one starts a short gap after it ended, not at once.
    expect(h.timers.nextAt()).toBe(START + 10_000 + SESSIONS_MIN_GAP_MS)
    h.timers.advance(SESSIONS_MIN_GAP_MS)
    expect(h.started).toEqual([0, 10_500])
    expect(h.mostOut()).toBe(1)
  })

  it('refresh while waiting loads at once and restarts the schedule from there', async () => {
    const h = harness()
    h.poller.start()
    await h.answer(20)
    h.timers.advance(700)
    h.poller.refresh()
    expect(h.started).toEqual([0, 720])
    expect(h.timers.pending()).toBe(0)
    await h.answer(10)
    expect(h.timers.nextAt()).toBe(START + 720 + SESSIONS_POLL_MS)
  })

  it('refresh while a load is out runs one more right after it, not beside it', async () => {
    const h = harness()
    h.poller.start()
    h.poller.refresh()
    h.poller.refresh()
    expect(h.started).toEqual([0])
    await h.answer(40)
    expect(h.started).toEqual([0, 40])
    expect(h.mostOut()).toBe(1)
    await h.answer(10)
    expect(h.started).toEqual([0, 40])
    expect(h.poller.state).toBe('waiting')
  })

  it('stop leaves no timer, and a load answered after it starts nothing', async () => {
    const h = harness()
    h.poller.start()
    await h.answer()
    expect(h.timers.pending()).toBe(1)
    h.poller.stop()
    expect(h.timers.pending()).toBe(0)
    h.timers.advance(60_000)
    expect(h.started).toEqual([0])

    const g = harness()
    g.poller.start()
    g.poller.stop()
    await g.answer(100)
    g.timers.advance(60_000)
    expect(g.started).toEqual([0])
    expect(g.timers.pending()).toBe(0)
    expect(g.poller.state).toBe('stopped')
    g.poller.refresh()
    expect(g.started).toEqual([0])
  })

  it('started again while an old load is out: waits for it, then loads', async () => {
    const h = harness()
    h.poller.start()
    h.poller.stop()
    h.poller.start()
    expect(h.started).toEqual([0])
    expect(h.poller.inFlight).toBe(true)
    await h.answer(300)
    expect(h.started).toEqual([0, 300])
    expect(h.mostOut()).toBe(1)
  })

  it('a load that fails (or throws) does not stop the polling', async () => {
    const timers = manualTimers(START)
    let calls = 0
    const poller = new SessionsPoller({
      timers: timers.source,
      load: () => {
        calls++
        if (calls === 1) throw new Error('synchronous failure')
        return Promise.reject(new Error('lost'))
      },
    })
    poller.start()
    await settle()
    timers.advance(SESSIONS_POLL_MS)
    await settle()
    timers.advance(SESSIONS_POLL_MS)
    await settle()
    expect(calls).toBe(3)
    poller.stop()
    expect(timers.pending()).toBe(0)
  })
})
