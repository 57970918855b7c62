/**
 * The health checker of one profile: probes while connected, reconnects with backoff while not,
 * drives the circuit breaker, and records every attempt on the retry timeline.
 *
 * States (architecture.md, convention 5):
 *   disconnected -> connecting            start()
 *   connecting   -> connected             an attempt succeeded
 *   connecting   -> failed                a permanent error; or start-up retried transient errors
 *                                         for STARTUP_MAX_WAIT; or a lost database failed
 *                                         `failuresBeforeFailed` times in a row
 *   connected    -> connecting            a probe failed (the first failure: reconnecting)
 *   failed       -> connected             a later attempt succeeded
 *   any          -> disconnected          stop()
 *
 * While the database is unreachable the pool opens nothing (`onDown`), so the checker's backoff is
 * the only retry loop; a failed probe or attempt schedules the next attempt after
 * `jitteredDelay(step)`. The backoff step survives short recoveries (a flapping database waits
 * longer and longer) and starts again once the database was healthy for `resetAfterHealthyMs`.
 * All deadlines use the monotonic clock; wall time only labels records for people.
 *
 * While the pool is draining or drained (`pausePoolProbes`) it would refuse the probe's acquire
 * with 'pool-draining', which says nothing about the database: the probes then run on a
 * connection of their own each time (`probeAside`), on the same interval and with the same
 * timeout, so a database that goes away during a drain (a maintenance window, say) is still
 * `failed` within probe interval + probe timeout + the first backoff; a pool probe that the
 * pause caught in flight is not counted (a probe aside follows at once). Without
 * `probeAside` no probe runs until `resumePoolProbes`. Either way `resumePoolProbes` probes
 * through the pool at once, or as soon as a probe aside in flight ends.
 */
import type { AttemptRecord, AttemptTrigger, ErrorClass, HealthView } from '../../../shared/domain'
import { NamedTimers } from '../core/named-timers'
import { LifeguardError } from '../core/errors'
import { AttemptTimeline } from './attempt-timeline'
import { cappedDelay, jitteredDelay, type BackoffPolicy } from './backoff'
import {
  CircuitBreaker,
  retryAfter,
  ServiceUnavailableError,
  unreachableFor,
} from './circuit-breaker'
import { assess, LevelTracker, type ProbeObservation } from './health-level'
import {
  errorClassOf,
  type AttemptResult,
  type HealthCheckerDeps,
  type HealthState,
  type ProbeResult,
} from './health-types'

export {
  errorClassOf,
  permanentCodes,
  type AttemptResult,
  type HealthCheckerDeps,
  type HealthState,
  type ProbeResult,
} from './health-types'

export class HealthChecker {
  readonly timeline: AttemptTimeline
  private current: HealthState = 'disconnected'
  private lastError: LifeguardError | undefined
  private lastErrorClass: ErrorClass | null = null
  private generation = 0
  private startup = true
  private startedAt = 0
  private consecutiveFailures = 0
  private step = 0
  private healthySince: number | undefined
  private unreachableSince: number | undefined
  private attemptNo = 0
  private scheduled: { at: number; delay: number; armedAt: number } | undefined
  /** The checker's jobs, one timer each: attempt, probe, breaker, startup limit. */
  private readonly timers: NamedTimers<'attempt' | 'probe' | 'breaker' | 'startup'>
  private attempting = false
  private probing = false
  /** The pool is draining or drained: probes go aside (or do not run). */
  private poolProbesPaused = false
  private probesSinceCounts = Infinity
  private latencyMs: number | null = null
  private readonly breaker = new CircuitBreaker()
  private readonly level: LevelTracker
  private readonly policy: BackoffPolicy
  private firstOutcome: (() => void) | undefined

  constructor(private readonly deps: HealthCheckerDeps) {
    const s = deps.settings
    this.timers = new NamedTimers(deps.clock)
    this.timeline = new AttemptTimeline(s.timelineSize)
    this.level = new LevelTracker(s)
    this.policy = {
      baseMs: s.backoffBaseMs,
      factor: s.backoffFactor,
      capMs: s.backoffCapMs,
      jitter: s.backoffJitter,
    }
  }

  get state(): HealthState {
    return this.current
  }

  get error(): LifeguardError | undefined {
    return this.lastError
  }

  get errorClass(): ErrorClass | null {
    return this.lastErrorClass
  }

  view(): HealthView {
    const { clock } = this.deps
    const toWall = (mono: number) => Math.round(clock.wallNow() + (mono - clock.now()))
    const level = this.level.value
    return {
      level: level.level,
      reasons: [...level.reasons],
      latencyMs: this.latencyMs,
      consecutiveFailures: this.consecutiveFailures,
      backoffStep: this.step,
      nextAttemptAt: this.scheduled ? toWall(this.scheduled.at) : null,
      breaker: this.breaker.state,
      unreachableSince: this.unreachableSince === undefined ? null : toWall(this.unreachableSince),
      errorClass: this.current === 'connected' ? null : this.lastErrorClass,
    }
  }

  /**
   * Starts checking: the first attempt runs at once. Resolves when it has an outcome (the state
   * is then connected, connecting with a retry scheduled, or failed).
   */
  start(): Promise<void> {
    if (this.current !== 'disconnected') return Promise.resolve()
    this.generation++
    this.startup = true
    this.startedAt = this.deps.clock.now()
    this.attemptNo = 0
    this.step = 0
    this.consecutiveFailures = 0
    this.lastError = undefined
    this.lastErrorClass = null
    this.setState('connecting')
    const outcome = new Promise<void>((resolve) => (this.firstOutcome = resolve))
    this.armStartupLimit()
    this.runAttempt('startup')
    return outcome
  }

  /** Stops every timer; results of work still in flight are ignored. */
  stop(): void {
    this.generation++
    this.timers.clearAll()
    this.scheduled = undefined
    this.attempting = false
    this.probing = false
    this.poolProbesPaused = false
    this.unreachableSince = undefined
    this.healthySince = undefined
    this.breaker.close()
    this.level.force('healthy', [])
    this.latencyMs = null
    this.settleFirstOutcome()
    if (this.current !== 'disconnected') this.setState('disconnected')
  }

  /** Fails fast with ServiceUnavailableError while the breaker is open or half-open. */
  guard(): void {
    this.breaker.guard(this.retryAfterMs(), this.unavailableText())
  }

  /**
   * The pool is draining or drained: from the next probe on, probes run aside on a connection of
   * their own (or, without `probeAside`, not at all) until resumePoolProbes.
   */
  pausePoolProbes(): void {
    if (this.poolProbesPaused) return
    this.poolProbesPaused = true
    this.timers.clear('probe')
    // A pool probe in flight re-arms when it ends; otherwise the next probe is armed here.
    if (this.current === 'connected' && !this.probing) this.armProbe()
  }

  /** The pool runs again: probes go through it, the first at once (or as a probe aside ends). */
  resumePoolProbes(): void {
    if (!this.poolProbesPaused) return
    this.poolProbesPaused = false
    if (this.current !== 'connected' || this.probing) return
    this.timers.clear('probe')
    void this.runProbe()
  }

  /** Whether a probe can run now: through the pool, or aside while the pool is paused. */
  private get canProbe(): boolean {
    return !this.poolProbesPaused || this.deps.probeAside !== undefined
  }

  /** "Reconnect now": skips the wait (or probes at once while connected). */
  reconnectNow(): void {
    if (this.current === 'disconnected')
      throw new LifeguardError('invalid-state', 'the profile is not connected: connect it first')
    if (this.current === 'connected') {
      if (!this.canProbe) return
      this.timers.clear('probe')
      void this.runProbe()
      return
    }
    if (this.attempting) return
    this.runAttempt('manual')
  }

  /** "Reset backoff": the next delay is the base again; a scheduled attempt is moved earlier. */
  resetBackoff(): void {
    if (this.current === 'disconnected')
      throw new LifeguardError('invalid-state', 'the profile is not connected: connect it first')
    this.step = 0
    if (this.scheduled && !this.attempting) {
      this.step = 1
      this.schedule(jitteredDelay(this.policy, 1, this.deps.random))
    }
    this.deps.onChange()
  }

  /** The pool saw connections break (the server shut them down): probe now rather than later. */
  connectionsBroke(): void {
    if (this.current !== 'connected' || this.probing || !this.canProbe) return
    this.timers.clear('probe')
    void this.runProbe()
  }

  // ---- attempts -------------------------------------------------------------------------------

  private runAttempt(trigger: AttemptTrigger): void {
    const { clock } = this.deps
    const generation = this.generation
    const planned = this.scheduled
    this.timers.clear('attempt')
    this.scheduled = undefined
    const startedAt = clock.now()
    const startedWall = clock.wallNow()
    const scheduledDelayMs = trigger === 'scheduled' && planned ? planned.delay : 0
    const actualDelayMs = trigger === 'scheduled' && planned ? startedAt - planned.armedAt : 0
    const attempt = ++this.attemptNo
    this.attempting = true
    if (this.breaker.trial()) this.deps.onChange()
    const base = { profileId: this.deps.profileId, attempt, trigger, at: startedWall }
    const timing = { scheduledDelayMs, actualDelayMs: Math.max(0, Math.round(actualDelayMs)) }
    let work: Promise<AttemptResult>
    try {
      work = this.deps.attempt()
    } catch (error) {
      work = Promise.reject(error)
    }
    work.then(
      (result) => {
        if (generation !== this.generation) return
        this.attempting = false
        const durationMs = Math.round(clock.now() - startedAt)
        this.record({
          ...base,
          ...timing,
          durationMs,
          outcome: 'success',
          ...noError,
          nextAttemptAt: null,
        })
        this.recovered(result)
      },
      (error: unknown) => {
        if (generation !== this.generation) return
        this.attempting = false
        const durationMs = Math.round(clock.now() - startedAt)
        this.failed(error, startedAt, { ...base, ...timing, durationMs })
      },
    )
  }

  private recovered(result: AttemptResult): void {
    const now = this.deps.clock.now()
    this.startup = false
    this.consecutiveFailures = 0
    this.attemptNo = 0
    this.healthySince = now
    this.unreachableSince = undefined
    this.lastError = undefined
    this.lastErrorClass = null
    this.timers.clear('breaker')
    this.timers.clear('startup')
    this.breaker.close()
    this.level.force('healthy', [])
    this.probesSinceCounts = Infinity
    this.deps.onUp(result)
    this.setState('connected')
    this.armProbe()
    this.settleFirstOutcome()
  }

  /** A probe or attempt that began at `startedAt` (monotonic) failed. */
  private failed(
    error: unknown,
    startedAt: number,
    attempt: Omit<AttemptRecord, FailureFields> | undefined,
  ): void {
    const { clock, settings } = this.deps
    const now = clock.now()
    const classified = this.deps.classify(error)
    const errorClass = errorClassOf(classified.code)
    this.lastError = classified
    this.lastErrorClass = errorClass
    this.consecutiveFailures++
    if (this.healthySince !== undefined && now - this.healthySince >= settings.resetAfterHealthyMs)
      this.step = 0
    this.healthySince = undefined
    this.timers.clear('probe')
    if (this.unreachableSince === undefined) {
      // Unreachable since the failing work began, not since it gave up (a timeout takes a while).
      this.unreachableSince = Math.min(startedAt, now)
      this.deps.onDown()
      this.armBreaker(settings.unavailableAfterMs - (now - this.unreachableSince))
    }
    this.breaker.trialFailed()

    let delay: number | undefined
    let next: HealthState
    if (errorClass === 'permanent') {
      next = 'failed'
      delay =
        settings.permanentRetry === 'cap' ? cappedDelay(this.policy, this.deps.random) : undefined
    } else {
      this.step++
      delay = jitteredDelay(this.policy, this.step, this.deps.random)
      if (this.current === 'failed') next = 'failed'
      else if (this.startup)
        next = now - this.startedAt >= settings.startupMaxWaitMs ? 'failed' : 'connecting'
      else
        next = this.consecutiveFailures >= settings.failuresBeforeFailed ? 'failed' : 'connecting'
    }
    if (delay !== undefined) this.schedule(delay)
    else this.scheduled = undefined

    const nextAttemptAt = this.scheduled
      ? Math.round(clock.wallNow() + (this.scheduled.at - now))
      : null
    const failure = {
      outcome: 'failure' as const,
      errorClass,
      errorCode: classified.code,
      message: classified.message,
      nextAttemptAt,
    }
    if (attempt) this.record({ ...attempt, ...failure })
    else
      this.record({
        profileId: this.deps.profileId,
        attempt: 0,
        trigger: 'probe',
        at: clock.wallNow(),
        scheduledDelayMs: 0,
        actualDelayMs: 0,
        durationMs: 0,
        ...failure,
      })
    this.level.force(next === 'failed' ? 'critical' : 'warning', [classified.message])
    this.setState(next)
    this.settleFirstOutcome()
  }

  private schedule(delay: number): void {
    const now = this.deps.clock.now()
    this.scheduled = { at: now + delay, delay, armedAt: now }
    this.timers.arm('attempt', delay, () => this.runAttempt('scheduled'))
  }

  // ---- probes ---------------------------------------------------------------------------------

  private armProbe(): void {
    if (!this.canProbe) return
    this.timers.arm('probe', this.deps.settings.probeIntervalMs, () => void this.runProbe())
  }

  private async runProbe(): Promise<void> {
    if (this.probing || this.current !== 'connected' || !this.canProbe) return
    const generation = this.generation
    const { settings } = this.deps
    const aside = this.poolProbesPaused ? this.deps.probeAside : undefined
    this.probing = true
    const withCounts = this.probesSinceCounts >= settings.saturationEveryProbes
    let result: ProbeResult
    const startedAt = this.deps.clock.now()
    try {
      result = await (aside ?? this.deps.probe)(settings.probeTimeoutMs, withCounts)
    } catch (error) {
      if (generation !== this.generation) return
      this.probing = false
      if (this.current !== 'connected') return
      // A pool probe, and the pool was paused meanwhile: the drain may have refused its acquire
      // (or cancelled its query at a deadline), which is no evidence about the database; a
      // database that went away is not either way. A probe aside settles it, at once.
      if (!aside && this.poolProbesPaused) return void this.runProbe()
      this.failed(error, startedAt, undefined)
      return
    }
    if (generation !== this.generation) return
    this.probing = false
    if (this.current !== 'connected') return
    if (withCounts) this.probesSinceCounts = 0
    this.probesSinceCounts++
    this.consecutiveFailures = 0
    this.latencyMs = Math.round(result.latencyMs * 10) / 10
    if (result.server) this.serverCounts = result.server
    const seen: ProbeObservation = {
      latencyMs: result.latencyMs,
      pool: this.deps.poolLoad(),
      server: this.serverCounts ?? null,
    }
    this.level.observe(assess(seen, settings))
    // Latency changes on every probe: the view is pushed each time (every probeIntervalMs).
    this.deps.onChange()
    // A probe aside that ended after the pool resumed: the first probe through the pool is due now.
    if (aside && !this.poolProbesPaused) void this.runProbe()
    else this.armProbe()
  }

  private serverCounts: { used: number; available: number } | undefined

  // ---- breaker --------------------------------------------------------------------------------

  private armBreaker(delayMs: number): void {
    this.timers.arm('breaker', Math.max(0, delayMs), () => {
      if (this.unreachableSince === undefined) return
      if (this.breaker.open(this.deps.clock.now())) {
        this.deps.onBreakerOpen(
          new ServiceUnavailableError(this.unavailableText(), this.retryAfterMs()),
        )
        this.deps.onChange()
      }
    })
  }

  private retryAfterMs(): number {
    const { settings, clock } = this.deps
    return retryAfter(this.scheduled?.at, clock.now(), settings.retryAfterMaxMs)
  }

  private unavailableText(): string {
    return unreachableFor(this.unreachableSince, this.deps.clock.now())
  }

  // ---- helpers --------------------------------------------------------------------------------

  private record(record: AttemptRecord): void {
    this.timeline.push(record)
    this.deps.onAttempt(record)
  }

  private setState(next: HealthState): void {
    this.current = next
    this.deps.onChange()
  }

  private settleFirstOutcome(): void {
    const settle = this.firstOutcome
    this.firstOutcome = undefined
    settle?.()
  }

  /** STARTUP_MAX_WAIT: a profile that never connected is reported failed on time, not at the next attempt. */
  private armStartupLimit(): void {
    this.timers.arm('startup', this.deps.settings.startupMaxWaitMs, () => {
      if (!this.startup || this.current !== 'connecting') return
      const reason = this.lastError?.message ?? 'the database did not answer'
      const waited = Math.round(this.deps.settings.startupMaxWaitMs / 1000)
      this.level.force('critical', [`no connection after ${waited} s: ${reason}`])
      this.setState('failed')
    })
  }
}

type FailureFields = 'outcome' | 'errorClass' | 'errorCode' | 'message' | 'nextAttemptAt'

const noError = { errorClass: null, errorCode: null, message: null } as const
