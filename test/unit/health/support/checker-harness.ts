/**
 * One HealthChecker on the FakeClock with a stub database the test controls: every attempt and
 * probe asks `attemptAnswer` / `probeAnswer` (replaceable at any time), and everything the checker
 * reports (state changes, views, records, up/down, breaker openings) is kept for assertions.
 */
import type { Clock } from '../../../../src/main/engine/core/clock'
import { LifeguardError } from '../../../../src/main/engine/core/errors'
import type { ServiceUnavailableError } from '../../../../src/main/engine/health/circuit-breaker'
import {
  HealthChecker,
  type AttemptResult,
  type HealthState,
  type ProbeResult,
} from '../../../../src/main/engine/health/health-checker'
import {
  resolveHealthSettings,
  type HealthSettings,
} from '../../../../src/main/engine/health/health-settings'
import type { AttemptRecord, HealthView } from '../../../../src/shared/domain'
import type { ErrorCode } from '../../../../src/shared/result'
import { FakeClock } from '../../../helpers/fake-clock'

export interface HarnessOptions {
  settings?: Partial<HealthSettings>
  /** Default: always 0.5, so every delay is exactly nominal. */
  random?: () => number
  /** Shared between checkers (50 profiles in one process); default: a new FakeClock. */
  clock?: FakeClock
  /** The Clock the checker sees, when it is not `clock` itself (a LateTimerClock over it). */
  timerClock?: Clock
  classify?: (error: unknown) => LifeguardError
  profileId?: string
}

export const serverVersion = '17.2'

/** Answers for the stub: a result, or a thrown LifeguardError with this code. */
export const up = (): Promise<AttemptResult> => Promise.resolve({ serverVersion })
export const down =
  (code: ErrorCode = 'connection-refused') =>
  (): Promise<never> =>
    Promise.reject(new LifeguardError(code, `stub database says ${code}`))
export const fastProbe =
  (latencyMs = 3) =>
  (): Promise<ProbeResult> =>
    Promise.resolve({ latencyMs, server: null })

export interface ProbeCall {
  at: number
  timeoutMs: number
  withServerCounts: boolean
}

export class CheckerHarness {
  readonly clock: FakeClock
  readonly settings: HealthSettings
  readonly checker: HealthChecker
  /** Monotonic times at which attempt() / probe() were called. */
  readonly attemptCalls: number[] = []
  readonly probeCalls: ProbeCall[] = []
  /** Probes on a connection of their own (while the pool is paused). */
  readonly asideCalls: ProbeCall[] = []
  /** Every distinct state the checker moved to, in order, with the monotonic time. */
  readonly transitions: Array<{ state: HealthState; at: number }> = []
  readonly views: HealthView[] = []
  readonly records: AttemptRecord[] = []
  readonly ups: number[] = []
  readonly downs: number[] = []
  readonly breakerOpens: Array<{ at: number; error: ServiceUnavailableError }> = []
  attemptAnswer: () => Promise<AttemptResult> = up
  probeAnswer: (timeoutMs: number, withServerCounts: boolean) => Promise<ProbeResult> = fastProbe()
  asideAnswer: (timeoutMs: number, withServerCounts: boolean) => Promise<ProbeResult> = fastProbe()
  poolLoad: { waiting: number; max: number } | null = { waiting: 0, max: 10 }

  constructor(options: HarnessOptions = {}) {
    this.clock = options.clock ?? new FakeClock()
    const clock = options.timerClock ?? this.clock
    this.settings = resolveHealthSettings(options.settings ?? {})
    this.checker = new HealthChecker({
      profileId: options.profileId ?? 'p1',
      clock,
      random: options.random ?? (() => 0.5),
      settings: this.settings,
      attempt: () => {
        this.attemptCalls.push(clock.now())
        return this.attemptAnswer()
      },
      probe: (timeoutMs, withServerCounts) => {
        this.probeCalls.push({ at: clock.now(), timeoutMs, withServerCounts })
        return this.probeAnswer(timeoutMs, withServerCounts)
      },
      probeAside: (timeoutMs, withServerCounts) => {
        this.asideCalls.push({ at: clock.now(), timeoutMs, withServerCounts })
        return this.asideAnswer(timeoutMs, withServerCounts)
      },
      poolLoad: () => this.poolLoad,
      classify: options.classify ?? classifyForTests,
      onChange: () => {
        const state = this.checker.state
        if (this.transitions.at(-1)?.state !== state)
          this.transitions.push({ state, at: clock.now() })
        this.views.push(this.checker.view())
      },
      onAttempt: (record) => this.records.push(record),
      onUp: () => this.ups.push(clock.now()),
      onDown: () => this.downs.push(clock.now()),
      onBreakerOpen: (error) => this.breakerOpens.push({ at: clock.now(), error }),
    })
  }

  get state(): HealthState {
    return this.checker.state
  }

  get states(): HealthState[] {
    return this.transitions.map((t) => t.state)
  }

  /** Gaps between consecutive attempt() calls. */
  attemptGaps(): number[] {
    return this.attemptCalls.slice(1).map((at, i) => at - this.attemptCalls[i]!)
  }
}

/** Passes LifeguardErrors through; anything else is a generic connection failure. */
export function classifyForTests(error: unknown): LifeguardError {
  if (error instanceof LifeguardError) return error
  return new LifeguardError('connection-failed', 'the connection failed', { cause: error })
}
