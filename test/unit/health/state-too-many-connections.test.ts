import { describe, expect, it } from 'vitest'
import { CheckerHarness, down, up } from './support/checker-harness'

describe('too many connections', () => {
  it('is transient: the profile stays connecting and backs off 1, 2, 4, 8 s', async () => {
    const h = new CheckerHarness()
    h.attemptAnswer = down('too-many-connections')
    await h.checker.start()
    await h.clock.advance(15_000)
    expect(h.attemptGaps()).toEqual([1_000, 2_000, 4_000, 8_000])
    expect(h.state).toBe('connecting')
    expect(h.checker.errorClass).toBe('transient')
    expect(h.records.every((r) => r.errorClass === 'transient')).toBe(true)
    expect(h.records.map((r) => r.errorCode)).toEqual(Array(5).fill('too-many-connections'))
    h.attemptAnswer = up
    await h.clock.advance(16_000)
    expect(h.state).toBe('connected')
  })
})
