import { describe, expect, it } from 'vitest'
import {
  deadline,
  PAUSE_DETECTION_MS,
  PAUSE_GRACE_MS,
} from '../../../src/main/engine/health/deadline'
import { FakeClock } from '../../helpers/fake-clock'
import { LateTimerClock } from './support/late-timer-clock'
import { deferred, watch } from './support/settle-state'

/**
 * A process stopped (SIGSTOP) past a deadline: when it runs again its timer fires late, while the
 * answer may be sitting unread in the socket. The late timer gives the work 50 ms to show up.
 * The deadline's timer is made to fire `lateMs` after it was due, and the fake clock is moved far
 * past the deadline in one step.
 */
function pausedDeadline(lateMs: number) {
  const clock = new FakeClock()
  const late = new LateTimerClock(clock)
  late.makeNextTimerLate(lateMs)
  const work = deferred<string>()
  const d = watch(deadline(late, work.promise, 1_000, 'SELECT 1'))
  return { clock, work, d }
}

describe('deadline() after a process pause', () => {
  it('has the constants the design names: a timer > 500 ms late gives 50 ms of grace', () => {
    expect(PAUSE_DETECTION_MS).toBe(500)
    expect(PAUSE_GRACE_MS).toBe(50)
  })

  it('accepts an answer that arrives within the grace after a late timer', async () => {
    const { clock, work, d } = pausedDeadline(2_000)
    await clock.advance(3_000) // one step, far past the 1 s deadline: the timer fires at 3 s
    expect(d.state).toBe('pending')
    await clock.advance(PAUSE_GRACE_MS - 1)
    work.resolve('answered during the pause')
    await clock.advance(0)
    expect(d.state).toBe('resolved')
    expect(d.value).toBe('answered during the pause')
    expect(clock.pendingTimers).toBe(0)
  })

  it('times out at the end of the grace when nothing comes', async () => {
    const { clock, work, d } = pausedDeadline(2_000)
    await clock.advance(3_000 + PAUSE_GRACE_MS - 1)
    expect(d.state).toBe('pending')
    await clock.advance(1)
    expect(d.state).toBe('rejected')
    expect(d.error).toMatchObject({ code: 'timeout' })
    work.resolve('too late')
    await clock.advance(0)
    expect(d.state).toBe('rejected')
  })

  it('gives no grace to a timer at most 500 ms late (a busy loop, not a pause)', async () => {
    const exactly = pausedDeadline(PAUSE_DETECTION_MS)
    await exactly.clock.advance(1_000 + PAUSE_DETECTION_MS)
    expect(exactly.d.state).toBe('rejected')

    const justOver = pausedDeadline(PAUSE_DETECTION_MS + 1)
    await justOver.clock.advance(1_000 + PAUSE_DETECTION_MS + 1)
    expect(justOver.d.state).toBe('pending')
    await justOver.clock.advance(PAUSE_GRACE_MS)
    expect(justOver.d.state).toBe('rejected')
  })
})
