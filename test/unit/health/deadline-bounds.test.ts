import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { deadline } from '../../../src/main/engine/health/deadline'
import { FakeClock } from '../../helpers/fake-clock'
import { deferred, watch } from './support/settle-state'

describe('deadline() on the monotonic clock', () => {
  it('resolves with the answer that comes in time and leaves no timer behind', async () => {
    const clock = new FakeClock()
    const work = deferred<string>()
    const d = watch(deadline(clock, work.promise, 1_000, 'SELECT 1'))
    await clock.advance(999)
    work.resolve('ok')
    await clock.advance(0)
    expect(d.state).toBe('resolved')
    expect(d.value).toBe('ok')
    expect(clock.pendingTimers).toBe(0)
  })

  it('rejects with a timeout exactly when the time is up, and ignores a later answer', async () => {
    const clock = new FakeClock()
    const work = deferred<string>()
    const d = watch(deadline(clock, work.promise, 1_000, 'SELECT 1'))
    await clock.advance(999)
    expect(d.state).toBe('pending')
    await clock.advance(1)
    expect(d.state).toBe('rejected')
    expect(d.error).toBeInstanceOf(LifeguardError)
    expect(d.error).toMatchObject({
      code: 'timeout',
      message: 'SELECT 1 did not answer within 1000 ms',
    })
    work.resolve('too late')
    await clock.advance(0)
    expect(d.state).toBe('rejected')
    expect(clock.pendingTimers).toBe(0)
  })

  it('passes the work error on, turning a non-Error into an Error', async () => {
    const clock = new FakeClock()
    const failing = deferred<string>()
    const a = watch(deadline(clock, failing.promise, 1_000, 'a'))
    const cause = new LifeguardError('connection-reset', 'reset')
    failing.reject(cause)
    const odd = deferred<string>()
    const b = watch(deadline(clock, odd.promise, 1_000, 'b'))
    odd.reject('plain string')
    await clock.advance(0)
    expect(a.error).toBe(cause)
    expect(b.error).toBeInstanceOf(Error)
    expect((b.error as Error).message).toBe('plain string')
    expect(clock.pendingTimers).toBe(0)
  })

  it('is not moved by a wall-clock jump of +-1 h', async () => {
    for (const jump of [3_600_000, -3_600_000]) {
      const clock = new FakeClock()
      const d = watch(deadline(clock, deferred<void>().promise, 1_000, 'probe'))
      await clock.advance(500)
      clock.jumpWall(jump)
      await clock.advance(499)
      expect(d.state).toBe('pending')
      await clock.advance(1)
      expect(d.state).toBe('rejected')
    }
  })
})
