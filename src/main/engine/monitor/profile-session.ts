/**
 * One connected profile: its pool, its health checker and the live counts it pushes.
 * The connection state is the health checker's (disconnected | connecting | connected | failed),
 * plus `disconnecting` while the pool shuts down.
 */
import type {
  AttemptRecord,
  ConnectionState,
  PoolStats,
  ProfileStatus,
} from '../../../shared/domain'
import { RepeatingTask, type Clock, type TimerHandle } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { classifyConnectionError } from '../core/pg-errors'
import { AttemptTimeline } from '../health/attempt-timeline'
import { HealthChecker } from '../health/health-checker'
import type { HealthSettings } from '../health/health-settings'
import { attemptConnection, probeThroughPool } from '../health/pg-checks'
import { backendAdmin } from '../pool/backend-admin'
import {
  ConnectionPool,
  type AcquireOptions,
  type PoolEvents,
  type PoolLease,
  type PoolMetricsSnapshot,
} from '../pool/engine'
import type { PoolHistogramBuckets } from '../pool/engine/pool-metrics'
import type { ConnectionParams } from '../pool/pg-connection'
import { openPgConnection } from '../pool/pg-connection'
import { poolBackendPids, SessionObserver, type SessionSettings } from '../sessions'
import type { AlertChanges, SessionAlert, SessionSnapshot } from '../../../shared/sessions'
import { defaults } from '../defaults'

/** Pool events after which the counts may have changed. */
const statsEvents: ReadonlyArray<keyof PoolEvents> = [
  'created',
  'removed',
  'acquired',
  'released',
  'timeout',
  'state-changed',
]

export interface ProfileSessionDeps {
  clock: Clock
  random?: () => number
  health: HealthSettings
  onStatus(status: ProfileStatus): void
  onStats(stats: PoolStats, at: number): void
  onAttempt(record: AttemptRecord): void
  /** Each sample of the server's sessions (issue 6). */
  onSessions?(snapshot: SessionSnapshot): void
  /** The alert list changed (raised, resolved, severity). */
  onAlerts?(alerts: SessionAlert[], changes: AlertChanges): void
  /** Sample the server's sessions while connected (default true; health tests turn it off). */
  observeSessions?: boolean
}

export interface PoolMetricsWithBuckets {
  snapshot: PoolMetricsSnapshot
  buckets: PoolHistogramBuckets
}

export interface PoolSizing {
  max: number
  min: number
  acquireTimeoutMs: number
  partitions: Readonly<Record<string, number>>
}

/** What profile operations (workload, queued writes, session sampling) acquire through. */
export interface Acquirer {
  acquire(options?: AcquireOptions): Promise<PoolLease>
}

export class ProfileSession implements Acquirer {
  private disconnecting = false
  /** Set while the checker stops inside a disconnect, whose own steps are reported instead. */
  private quiet = false
  private since: number
  private serverVersion: string | null = null
  private poolInstance: ConnectionPool | undefined
  private checker: HealthChecker | undefined
  private observer: { sessions: SessionObserver; unwatch: () => void } | undefined
  private lastState: ConnectionState = 'disconnected'
  private readonly ticker: RepeatingTask
  private lastStatsAt = -Infinity
  private pendingStats: TimerHandle | undefined
  private transition: Promise<unknown> = Promise.resolve()
  /** Every attempt of this profile, across connects (bounded). */
  private readonly history: AttemptTimeline

  constructor(
    readonly profileId: string,
    private readonly deps: ProfileSessionDeps,
  ) {
    this.since = deps.clock.wallNow()
    this.ticker = new RepeatingTask('pool-stats', deps.clock, defaults.statsIntervalMs, () =>
      this.pushStats(),
    )
    this.history = new AttemptTimeline(deps.health.timelineSize)
  }

  get state(): ConnectionState {
    if (this.disconnecting) return 'disconnecting'
    return this.checker?.state ?? 'disconnected'
  }

  /** The pool, while the database answers. */
  get pool(): ConnectionPool | undefined {
    return this.state === 'connected' ? this.poolInstance : undefined
  }

  /** Acquire through the circuit breaker: fails fast with 'service-unavailable' while it is open. */
  acquire(options?: AcquireOptions): Promise<PoolLease> {
    const pool = this.poolInstance
    const checker = this.checker
    if (!pool || !checker)
      return Promise.reject(new LifeguardError('invalid-state', 'the profile is not connected'))
    try {
      checker.guard()
    } catch (error) {
      return Promise.reject(error as Error)
    }
    return pool.acquire(options)
  }

  status(): ProfileStatus {
    const checker = this.checker
    const state = this.state
    return {
      profileId: this.profileId,
      state,
      pool: this.poolInstance ? this.poolStats(this.poolInstance) : null,
      serverVersion: this.serverVersion,
      error: state === 'connected' || !checker?.error ? null : checker.error.toInfo(),
      since: this.since,
      health: checker && state !== 'disconnected' ? checker.view() : null,
      poolState: this.poolInstance ? this.poolInstance.state : null,
      drain: null,
    }
  }

  timeline(): AttemptRecord[] {
    return this.history.list()
  }

  /**
   * Connect: the pool starts empty with creations held, and the health checker's first attempt
   * decides. Resolves when that attempt has an outcome: connected, or connecting with a retry
   * scheduled (transient error). A permanent error (wrong password, no such database) rejects,
   * and the profile stays `failed` with the cause shown.
   */
  connect(
    params: ConnectionParams,
    sizing: PoolSizing,
    health: HealthSettings = this.deps.health,
    sessionSettings: Partial<SessionSettings> = {},
  ): Promise<ProfileStatus> {
    return this.serialise(async () => {
      if (this.checker) {
        if (this.checker.state !== 'connected') this.checker.reconnectNow()
        return this.status()
      }
      const pool = new ConnectionPool(
        {
          connect: () => openPgConnection(params),
          clock: this.deps.clock,
          ...backendAdmin(params),
        },
        { ...sizing, initial: 0 },
      )
      pool.holdCreates(true)
      for (const event of statsEvents) pool.on(event, () => this.scheduleStats())
      pool.on('removed', ({ reason }) => {
        if (reason === 'broken') this.checker?.connectionsBroke()
      })
      await pool.start()
      this.poolInstance = pool
      const checker = this.newChecker(params, pool, health)
      this.checker = checker
      this.ticker.start()
      if (this.deps.observeSessions !== false) this.observeSessions(pool, sessionSettings)
      await checker.start()
      if (checker.state === 'failed' && checker.errorClass === 'permanent' && checker.error)
        throw checker.error
      if (checker.state === 'connected')
        await warmUp(pool, sizing.min, params.connectTimeoutMs, this.deps.clock)
      this.pushStats()
      return this.status()
    })
  }

  reconnectNow(): ProfileStatus {
    if (!this.checker) throw notConnected()
    this.checker.reconnectNow()
    return this.status()
  }

  resetBackoff(): ProfileStatus {
    if (!this.checker) throw notConnected()
    this.checker.resetBackoff()
    return this.status()
  }

  disconnect(): Promise<ProfileStatus> {
    return this.serialise(async () => {
      const pool = this.poolInstance
      const checker = this.checker
      if (!pool || !checker) return this.status()
      this.disconnecting = true
      this.statusChanged()
      this.quiet = true
      checker.stop()
      this.quiet = false
      this.observer?.sessions.stop()
      this.observer?.unwatch()
      if (this.observer) this.deps.onAlerts?.([], { raised: [], resolved: [], severityChanged: [] })
      this.observer = undefined
      this.ticker.stop()
      this.deps.clock.clearTimeout(this.pendingStats)
      this.pendingStats = undefined
      await pool.shutdown()
      this.pushStats()
      this.poolInstance = undefined
      this.checker = undefined
      this.disconnecting = false
      this.statusChanged()
      return this.status()
    })
  }

  /** The pool's full metrics and histogram buckets (Prometheus export), or null without a pool. */
  poolMetrics(boundsMs: readonly number[]): PoolMetricsWithBuckets | null {
    const pool = this.poolInstance
    if (!pool) return null
    return { snapshot: pool.metrics(), buckets: pool.histogramBuckets(boundsMs) }
  }

  /** The server's sessions and alerts while connected (undefined while disconnected). */
  get sessions(): SessionObserver | undefined {
    return this.observer?.sessions
  }

  /** Samples pg_stat_activity through this session (so through the breaker) while connected. */
  private observeSessions(pool: ConnectionPool, settings: Partial<SessionSettings>): void {
    const sessions = new SessionObserver({
      acquirer: this,
      clock: this.deps.clock,
      settings,
      ownPids: () => poolBackendPids(pool),
      onSnapshot: (snapshot) => this.deps.onSessions?.(snapshot),
      onAlerts: (changes, alerts) => {
        const changed =
          changes.raised.length + changes.resolved.length + changes.severityChanged.length > 0
        if (changed) this.deps.onAlerts?.(alerts, changes)
      },
    })
    const unwatch = sessions.watchPool(pool)
    sessions.start()
    this.observer = { sessions, unwatch }
  }

  private newChecker(
    params: ConnectionParams,
    pool: ConnectionPool,
    health: HealthSettings,
  ): HealthChecker {
    const { clock } = this.deps
    const probePartition = pool.hasPartition(defaults.healthPartition)
      ? defaults.healthPartition
      : defaults.monitorPartition
    const classify = (error: unknown): LifeguardError =>
      maskSecret(classifyConnectionError(error, params), params.password)
    return new HealthChecker({
      profileId: this.profileId,
      clock,
      random: this.deps.random ?? Math.random,
      settings: health,
      attempt: () => attemptConnection(params, clock, params.connectTimeoutMs),
      probe: (timeoutMs, withCounts) =>
        probeThroughPool(pool, probePartition, clock, timeoutMs, withCounts),
      poolLoad: () => {
        const g = pool.metrics().gauges
        return { waiting: g.waiting, max: g.max }
      },
      classify,
      onChange: () => this.statusChanged(),
      onAttempt: (record) => {
        this.history.push(record)
        this.deps.onAttempt(record)
      },
      onUp: (result) => {
        if (result.serverVersion !== null) this.serverVersion = result.serverVersion
        pool.holdCreates(false)
      },
      onDown: () => pool.holdCreates(true),
      onBreakerOpen: (error) => pool.rejectWaiters(error),
    })
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.transition.then(work, work)
    this.transition = next.catch(() => undefined)
    return next
  }

  /** Pushes the status; `since` moves only when the state itself changed. */
  private statusChanged(): void {
    if (this.quiet) return
    const state = this.state
    if (state !== this.lastState) {
      this.lastState = state
      this.since = this.deps.clock.wallNow()
    }
    this.deps.onStatus(this.status())
  }

  /** Counts changed: push now, or at most every statsMinGapMs. */
  private scheduleStats(): void {
    if (this.pendingStats !== undefined || !this.poolInstance) return
    const wait = this.lastStatsAt + defaults.statsMinGapMs - this.deps.clock.now()
    if (wait <= 0) {
      this.pushStats()
      return
    }
    this.pendingStats = this.deps.clock.setTimeout(() => {
      this.pendingStats = undefined
      this.pushStats()
    }, wait)
  }

  private pushStats(): void {
    const pool = this.poolInstance
    if (!pool) return
    this.lastStatsAt = this.deps.clock.now()
    this.deps.onStats(this.poolStats(pool), this.deps.clock.wallNow())
  }

  private poolStats(pool: ConnectionPool): PoolStats {
    const { gauges: g, counters: c, histograms: h } = pool.metrics()
    return {
      total: g.total,
      active: g.active,
      idle: g.idle,
      waiting: g.waiting,
      max: g.max,
      min: g.min,
      pendingCreates: g.pendingCreates,
      acquires: c.acquires,
      timeouts: c.timeouts,
      leaks: c.leaks,
      waitP50Ms: h.acquireWait.p50,
      waitP95Ms: h.acquireWait.p95,
      waitP99Ms: h.acquireWait.p99,
    }
  }
}

/**
 * Waits (bounded) until the pool holds `min` connections, so "connected" means a warm pool; a
 * failure to open one ends the wait early (the health checker deals with it).
 */
function warmUp(pool: ConnectionPool, min: number, timeoutMs: number, clock: Clock): Promise<void> {
  return new Promise<void>((resolve) => {
    const warm = () => pool.metrics().gauges.total >= min
    if (warm()) return resolve()
    const offs: Array<() => void> = []
    const done = () => {
      clock.clearTimeout(timer)
      for (const off of offs) off()
      resolve()
    }
    const timer = clock.setTimeout(done, timeoutMs)
    offs.push(pool.on('created', () => warm() && done()))
    offs.push(pool.on('create-failed', done))
    offs.push(pool.on('state-changed', done))
  })
}

function notConnected(): LifeguardError {
  return new LifeguardError('invalid-state', 'the profile is not connected: connect it first')
}

/**
 * Messages are built from the classification and the target, never from a connection string; this
 * is the second line: if the password ever shows up in one anyway, it is replaced.
 */
function maskSecret(error: LifeguardError, secret: string | undefined): LifeguardError {
  if (!secret || secret.length < 2 || !error.message.includes(secret)) return error
  return new LifeguardError(error.code, error.message.split(secret).join('********'))
}
