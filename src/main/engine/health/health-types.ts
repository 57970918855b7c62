/**
 * The health checker's vocabulary: its states, the error classes, and what it is given (the
 * attempt, the probe and the callbacks) — see health-checker.ts for the state machine.
 */
import type { AttemptRecord, ErrorClass } from '../../../shared/domain'
import type { ErrorCode } from '../../../shared/result'
import type { Clock } from '../core/clock'
import type { LifeguardError } from '../core/errors'
import type { ServiceUnavailableError } from './circuit-breaker'
import type { HealthSettings } from './health-settings'

export type HealthState = 'disconnected' | 'connecting' | 'connected' | 'failed'

/** Errors that need a person: retrying them soon would only repeat them (or lock an account). */
export const permanentCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'auth-failed',
  'unknown-database',
  'no-pg-hba-entry',
  'ssl-required',
  'password-required',
])

export function errorClassOf(code: ErrorCode): ErrorClass {
  return permanentCodes.has(code) ? 'permanent' : 'transient'
}

export interface AttemptResult {
  serverVersion: string | null
}

export interface ProbeResult {
  latencyMs: number
  server: { used: number; available: number } | null
  /** The backend pid of the pool connection the probe ran on, when the pool knows it. */
  backendPid?: number
}

export interface HealthCheckerDeps {
  profileId: string
  clock: Clock
  random: () => number
  settings: HealthSettings
  /** Opens a fresh connection, checks it and closes it; bounded in time by the caller. */
  attempt(): Promise<AttemptResult>
  /** One probe through the pool's reserved partition, bounded by `timeoutMs`. */
  probe(timeoutMs: number, withServerCounts: boolean): Promise<ProbeResult>
  /**
   * One probe on a connection of its own (opened, queried, closed), bounded by `timeoutMs`: used
   * while the pool is draining or drained and would refuse `probe`. Without it, no probe runs then.
   */
  probeAside?(timeoutMs: number, withServerCounts: boolean): Promise<ProbeResult>
  /** Callers waiting for a pool connection right now, and the pool's max. */
  poolLoad(): { waiting: number; max: number } | null
  /** Turns any error into a classified one whose message holds no secret. */
  classify(error: unknown): LifeguardError
  /** Something in view() changed. */
  onChange(): void
  onAttempt(record: AttemptRecord): void
  /** The database answers again: the pool may open connections. */
  onUp(result: AttemptResult): void
  /** The database stopped answering: the pool must not open connections. */
  onDown(): void
  /** The breaker opened: fail whoever is waiting. */
  onBreakerOpen(error: ServiceUnavailableError): void
}
