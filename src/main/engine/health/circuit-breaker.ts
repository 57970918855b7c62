/**
 * The circuit breaker of one profile: closed -> open once the database has been unreachable for
 * `unavailableAfterMs`; open -> half-open while the one trial attempt runs; half-open -> closed on
 * its success, back to open on its failure. While open or half-open, operations through the
 * profile fail fast with 'service-unavailable' and a retry-after hint.
 */
import type { BreakerState } from '../../../shared/domain'
import { LifeguardError } from '../core/errors'

export class ServiceUnavailableError extends LifeguardError {
  constructor(message: string, retryAfterMs: number, cause?: unknown) {
    super('service-unavailable', message, { retryAfterMs, cause })
    this.name = 'ServiceUnavailableError'
  }
}

export function isServiceUnavailable(error: unknown): error is ServiceUnavailableError {
  return error instanceof LifeguardError && error.code === 'service-unavailable'
}

/** The retry-after hint: the time to the next scheduled attempt, at most `maxMs` (the cap without one). */
export function retryAfter(nextAttemptAt: number | undefined, now: number, maxMs: number): number {
  if (nextAttemptAt === undefined) return maxMs
  return Math.min(maxMs, Math.max(0, Math.round(nextAttemptAt - now)))
}

export function unreachableFor(since: number | undefined, now: number): string {
  const seconds = since === undefined ? 0 : Math.round((now - since) / 1000)
  return `the database has been unreachable for ${seconds} s`
}

export class CircuitBreaker {
  private current: BreakerState = 'closed'
  private openedAt: number | undefined

  get state(): BreakerState {
    return this.current
  }

  /** Monotonic ms when it last opened (undefined while closed). */
  get since(): number | undefined {
    return this.openedAt
  }

  /** The database has been unreachable long enough. Returns true if this changed the state. */
  open(now: number): boolean {
    if (this.current === 'open') return false
    if (this.current === 'closed') this.openedAt = now
    this.current = 'open'
    return true
  }

  /** The trial attempt starts (only from open). */
  trial(): boolean {
    if (this.current !== 'open') return false
    this.current = 'half-open'
    return true
  }

  /** The trial (or any attempt) failed: a half-open breaker opens again. */
  trialFailed(): boolean {
    if (this.current !== 'half-open') return false
    this.current = 'open'
    return true
  }

  /** The database answered. */
  close(): boolean {
    if (this.current === 'closed') return false
    this.current = 'closed'
    this.openedAt = undefined
    return true
  }

  /** Throws ServiceUnavailableError unless closed. */
  guard(retryAfterMs: number, why: string): void {
    if (this.current === 'closed') return
    throw new ServiceUnavailableError(
      `${why}; operations fail fast until it answers again (next attempt in ${Math.ceil(retryAfterMs / 1000)} s)`,
      retryAfterMs,
    )
  }
}
