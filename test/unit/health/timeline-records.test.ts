import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import type { AttemptResult } from '../../../src/main/engine/health/health-checker'
import { FakeClock } from '../../helpers/fake-clock'
import { CheckerHarness, down, up } from './support/checker-harness'
import { LateTimerClock } from './support/late-timer-clock'
import { deferred } from './support/settle-state'

describe('retry timeline records', () => {
  it('record attempt number, trigger, delays asked for and really waited, outcome, error and next attempt', async () => {
    const clock = new FakeClock()
    const late = new LateTimerClock(clock)
    const h = new CheckerHarness({ clock, timerClock: late })
    const wall0 = clock.wallNow()
    h.attemptAnswer = down('connection-refused')
    await h.checker.start() // attempt 1 at 0 s
    late.makeNextTimerLate(700) // the timer armed when attempt 2 fails fires 700 ms late
    await h.clock.advance(1_000) // attempt 2 at 1 s
    await h.clock.advance(2_700) // attempt 3 at 3.7 s instead of 3 s
    const slow = deferred<AttemptResult>()
    h.attemptAnswer = () => slow.promise
    h.checker.reconnectNow() // attempt 4 at once, by hand
    await h.clock.advance(250)
    slow.resolve({ serverVersion: '17.2' })
    await h.clock.advance(0)

    const failure = {
      profileId: 'p1',
      outcome: 'failure',
      errorClass: 'transient',
      errorCode: 'connection-refused',
      message: 'stub database says connection-refused',
      durationMs: 0,
    }
    expect(h.checker.timeline.list()).toEqual([
      {
        ...failure,
        attempt: 1,
        trigger: 'startup',
        at: wall0,
        scheduledDelayMs: 0,
        actualDelayMs: 0,
        nextAttemptAt: wall0 + 1_000,
      },
      {
        ...failure,
        attempt: 2,
        trigger: 'scheduled',
        at: wall0 + 1_000,
        scheduledDelayMs: 1_000,
        actualDelayMs: 1_000,
        nextAttemptAt: wall0 + 3_000,
      },
      {
        ...failure,
        attempt: 3,
        trigger: 'scheduled',
        at: wall0 + 3_700,
        scheduledDelayMs: 2_000,
        actualDelayMs: 2_700,
        nextAttemptAt: wall0 + 7_700,
      },
      {
        profileId: 'p1',
        attempt: 4,
        trigger: 'manual',
        at: wall0 + 3_700,
        scheduledDelayMs: 0,
        actualDelayMs: 0,
        durationMs: 250,
        outcome: 'success',
        errorClass: null,
        errorCode: null,
        message: null,
        nextAttemptAt: null,
      },
    ])
    expect(h.records).toEqual(h.checker.timeline.list())
  })

  it('records a failed probe as attempt 0 and numbers the attempts of each outage from 1', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    h.probeAnswer = () => Promise.reject(new LifeguardError('timeout', 'probe timed out'))
    h.attemptAnswer = down('connection-refused')
    await h.clock.advance(2_000 + 1_000)
    h.attemptAnswer = up
    await h.clock.advance(2_000)
    expect(h.records.map((r) => [r.attempt, r.trigger, r.outcome, r.errorCode])).toEqual([
      [1, 'startup', 'success', null],
      [0, 'probe', 'failure', 'timeout'],
      [1, 'scheduled', 'failure', 'connection-refused'],
      [2, 'scheduled', 'success', null],
    ])
    expect(h.records[1]!.nextAttemptAt).toBe(h.records[2]!.at)
  })
})
