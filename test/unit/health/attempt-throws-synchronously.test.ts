import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { CheckerHarness } from './support/checker-harness'

describe('an attempt() that throws instead of rejecting', () => {
  it('counts as a failed attempt and is retried with backoff', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = () => {
      throw new LifeguardError('host-not-found', 'no such host')
    }
    await h.checker.start()
    expect(h.state).toBe('connecting')
    expect(h.records[0]).toMatchObject({ outcome: 'failure', errorCode: 'host-not-found' })
    await h.clock.advance(1_000)
    expect(h.attemptCalls).toEqual([0, 1_000])
  })
})
