import { describe, expect, it } from 'vitest'
import {
  CircuitBreaker,
  isServiceUnavailable,
  ServiceUnavailableError,
} from '../../../src/main/engine/health/circuit-breaker'

describe('CircuitBreaker', () => {
  it('moves closed -> open -> half-open -> open -> half-open -> closed and reports each change', () => {
    const b = new CircuitBreaker()
    expect(b.state).toBe('closed')
    expect(b.trial()).toBe(false) // no trial while closed
    expect(b.trialFailed()).toBe(false)
    expect(b.open(1_000)).toBe(true)
    expect(b.open(2_000)).toBe(false)
    expect(b.since).toBe(1_000)
    expect(b.trial()).toBe(true)
    expect(b.state).toBe('half-open')
    expect(b.trial()).toBe(false)
    expect(b.trialFailed()).toBe(true)
    expect(b.state).toBe('open')
    expect(b.since).toBe(1_000) // still open since the first opening
    expect(b.trial()).toBe(true)
    expect(b.close()).toBe(true)
    expect(b.state).toBe('closed')
    expect(b.since).toBeUndefined()
    expect(b.close()).toBe(false)
  })

  it('guards only while not closed, with the retry-after hint', () => {
    const b = new CircuitBreaker()
    expect(() => b.guard(5_000, 'down')).not.toThrow()
    b.open(0)
    let caught: unknown
    try {
      b.guard(5_500, 'the database has been unreachable for 30 s')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ServiceUnavailableError)
    expect(isServiceUnavailable(caught)).toBe(true)
    const e = caught as ServiceUnavailableError
    expect(e.retryAfterMs).toBe(5_500)
    expect(e.toInfo()).toMatchObject({ code: 'service-unavailable', retryAfterMs: 5_500 })
    expect(e.message).toMatch(/unreachable for 30 s.*next attempt in 6 s/)
    b.trial()
    expect(() => b.guard(1, 'trial')).toThrow(ServiceUnavailableError)
    expect(isServiceUnavailable(new Error('x'))).toBe(false)
  })
})
