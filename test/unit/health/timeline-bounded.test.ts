import { describe, expect, it } from 'vitest'
import { AttemptTimeline } from '../../../src/main/engine/health/attempt-timeline'
import type { AttemptRecord } from '../../../src/shared/domain'
import { CheckerHarness, down } from './support/checker-harness'

const record = (attempt: number): AttemptRecord => ({
  profileId: 'p',
  attempt,
  trigger: 'scheduled',
  at: attempt,
  scheduledDelayMs: 0,
  actualDelayMs: 0,
  durationMs: 0,
  outcome: 'failure',
  errorClass: 'transient',
  errorCode: 'timeout',
  message: 'm',
  nextAttemptAt: null,
})

describe('timeline bound', () => {
  it('keeps the newest timelineSize records of a checker, oldest first', async () => {
    const h = new CheckerHarness({ settings: { timelineSize: 5 } })
    h.attemptAnswer = down()
    await h.checker.start()
    while (h.attemptCalls.length < 12) await h.clock.advance(60_000)
    h.checker.stop()
    expect(h.records).toHaveLength(12)
    expect(h.checker.timeline.size).toBe(5)
    expect(h.checker.timeline.list().map((r) => r.attempt)).toEqual([8, 9, 10, 11, 12])
  })

  it('is a ring: oldest dropped first, order kept across the wrap, clear() empties it', () => {
    const t = new AttemptTimeline(3)
    expect(t.list()).toEqual([])
    for (let i = 1; i <= 7; i++) {
      t.push(record(i))
      const expected = Array.from({ length: Math.min(i, 3) }, (_, k) => i - Math.min(i, 3) + 1 + k)
      expect(t.list().map((r) => r.attempt)).toEqual(expected)
    }
    t.clear()
    expect(t.size).toBe(0)
    t.push(record(9))
    expect(t.list().map((r) => r.attempt)).toEqual([9])
  })
})
