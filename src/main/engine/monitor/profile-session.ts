/**
 * One connected profile: its pool, its health checker, its server-sessions observer, the live
 * counts it pushes, pool control (drain / resume / shutdown) and the profile's engine events and
 * alerts. The connection state is the health checker's (disconnected | connecting | connected |
 * failed), plus `disconnecting` while the pool shuts down.
 *
 * Drain: the pool stops handing out connections and closes each one as it comes back; the answer
 * comes at once and the progress (DrainProgress: connections still in use) follows in status
 * pushes. While the pool is draining or drained it would refuse Lifeguard's own probes and
 * session samples with 'pool-draining' (no news about the database): the samples pause, and the
 * health probes run on a connection of their own each time, so the state still says whether the
 * database answers (a database that goes away during a drain turns the profile 'failed' while the
 * pool stays 'drained'). `resume` (or the deadline choice 'resume') sends the probes back through
 * the pool, probing at once, and starts the samples again.
 */
import type { ShutdownResult } from '../../../shared/cockpit'
import type {
  AttemptRecord,
  ConnectionState,
  PoolStats,
  ProfileStatus,
} from '../../../shared/domain'
import { LifeguardError } from '../core/errors'
import { AttemptTimeline } from '../health/attempt-timeline'
import type { HealthChecker } from '../health/health-checker'
import type { HealthSettings } from '../health/health-settings'
import { ConnectionPool, type AcquireOptions, type PoolLease } from '../pool/engine'
import type { ConnectionParams } from '../pool/pg-connection'
import { poolBackendPids, SessionObserver, type SessionSettings } from '../sessions'
import type { ProfileAlertDetail, ProfileAlertKind } from '../sessions/profile-alerts'
import type { SessionAlert } from '../../../shared/sessions'
import { watchPoolEvents } from '../events/pool-event-recorder'
import { recordAttempt, StatusEvents, type RecordEvent } from '../events/profile-event-recorder'
import {
  statsEvents,
  type Acquirer,
  type PoolMetricsWithBuckets,
  type PoolSizing,
  type ProfileSessionDeps,
} from './profile-session-types'
import { DrainControl, type DrainRequest } from './drain-control'
import { ProfileAlertFeed } from './profile-alert-feed'
import { pgDrivers, type ProfileDrivers } from './profile-drivers'
import { poolStatsOf, warmUp } from './pool-warm-up'
import { ProbeConnection } from './probe-connection'
import { samplingIdentity } from './sampling-identity'
import { classifierFor, createHealthChecker, maskText } from './session-health'
import { StatsPusher } from './stats-pusher'

export type { DrainRequest } from './drain-control'

export type {
  Acquirer,
  PoolMetricsWithBuckets,
  PoolSizing,
  ProfileSessionDeps,
} from './profile-session-types'

export class ProfileSession implements Acquirer {
  private disconnecting = false
  /** Set while the checker stops inside a disconnect, whose own steps are reported instead. */
  private quiet = false
  private since: number
  private serverVersion: string | null = null
  private poolInstance: ConnectionPool | undefined
  private checker: HealthChecker | undefined
  private observer: { sessions: SessionObserver; unwatch: () => void } | undefined
  private unwatchPool: (() => void) | undefined
  private lastState: ConnectionState = 'disconnected'
  private readonly stats: StatsPusher
  private transition: Promise<unknown> = Promise.resolve()
  /** Every attempt of this profile, across connects (bounded). */
  private readonly history: AttemptTimeline
  private readonly drains: DrainControl
  private readonly alertFeed: ProfileAlertFeed
  private readonly statusEvents: StatusEvents
  private readonly drivers: ProfileDrivers
  /** The pool connection the health probe ran on last (the Sessions tab offers it no actions). */
  private readonly probeConnection = new ProbeConnection()

  constructor(
    readonly profileId: string,
    private readonly deps: ProfileSessionDeps,
  ) {
    this.since = deps.clock.wallNow()
    this.stats = new StatsPusher(
      deps.clock,
      () => (this.poolInstance ? poolStatsOf(this.poolInstance) : undefined),
      (stats) => this.pushStats(stats),
    )
    this.drains = new DrainControl({
      clock: deps.clock,
      record: this.recordEvent,
      pauseMonitoring: () => {
        this.checker?.pausePoolProbes()
        this.observer?.sessions.stop()
      },
      resumeMonitoring: () => {
        this.checker?.resumePoolProbes()
        if (this.observer && !this.observer.sessions.isRunning) this.observer.sessions.start()
      },
      changed: () => this.statusChanged(),
    })
    this.history = new AttemptTimeline(deps.health.timelineSize)
    this.alertFeed = new ProfileAlertFeed({
      clock: deps.clock,
      record: this.recordEvent,
      sessionAlerts: () => this.observer?.sessions.alerts() ?? [],
      ...(deps.onAlerts ? { onAlerts: deps.onAlerts } : {}),
    })
    this.statusEvents = new StatusEvents(this.recordEvent)
    this.drivers = deps.drivers ?? pgDrivers
  }

  get state(): ConnectionState {
    if (this.disconnecting) return 'disconnecting'
    return this.checker?.state ?? 'disconnected'
  }

  /** The pool, while the database answers. */
  get pool(): ConnectionPool | undefined {
    return this.state === 'connected' ? this.poolInstance : undefined
  }

  /**
   * Acquire through the circuit breaker: fails fast with 'service-unavailable' while it is open.
   * A leak's acquire site starts at the caller of this method (the load lab's client, the write
   * queue's replay), not at this method or the pool inside it.
   */
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
    return pool.acquire({ ...options, siteAbove: ProfileSession.prototype.acquire })
  }

  /**
   * Records one engine event of this profile (the Events tab). The entry point for every part of
   * Lifeguard that has something to say about the profile (the write queue's kinds, issue 5).
   * `message` is Lifeguard's own sentence: never a password; server text inside it is data.
   */
  readonly recordEvent: RecordEvent = (kind, severity, message, data = {}) => {
    this.deps.onEvent?.(kind, severity, message, data)
  }

  status(): ProfileStatus {
    const checker = this.checker
    const state = this.state
    const pool = this.poolInstance
    return {
      profileId: this.profileId,
      state,
      pool: pool ? poolStatsOf(pool) : null,
      serverVersion: this.serverVersion,
      error: state === 'connected' || !checker?.error ? null : checker.error.toInfo(),
      since: this.since,
      health: checker && state !== 'disconnected' ? checker.view() : null,
      poolState: pool ? pool.state : null,
      drain: this.drains.view(pool),
    }
  }

  timeline(): AttemptRecord[] {
    return this.history.list()
  }

  /** The profile's alerts: its server sessions' and its own (breaker open, queue filling). */
  alerts(): SessionAlert[] {
    return this.alertFeed.list()
  }

  /**
   * Raises (or updates) the profile's alert of `kind` while its condition lasts, and resolves it
   * with `null` (see sessions/profile-alerts.ts). The lead wires the write queue's 'queue-filling'
   * signal here: `session.setProfileAlert('queue-filling', { depth, maxQueueSize, ratio })`.
   */
  setProfileAlert<K extends ProfileAlertKind>(kind: K, detail: ProfileAlertDetail<K> | null): void {
    this.alertFeed.set(kind, detail)
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
      const { leakDetectionMs, ...size } = sizing
      const pool = new ConnectionPool(
        {
          connect: () => this.drivers.connect(params),
          clock: this.deps.clock,
          ...this.drivers.admin(params),
        },
        {
          ...size,
          initial: 0,
          // Every lease records its site (~2 µs an acquire, nothing next to a query), so even the
          // first leak a DBA sees names the code that took the connection.
          leakSiteCapture: 'always',
          ...(leakDetectionMs === undefined ? {} : { leakDetectionMs }),
        },
      )
      pool.holdCreates(true)
      for (const event of statsEvents) pool.on(event, () => this.stats.changed())
      pool.on('removed', ({ reason }) => {
        if (reason === 'broken') this.checker?.connectionsBroke()
      })
      // Not from inside the pool's transition: a listener releasing a connection there would
      // re-enter the pool's scheduler mid-step. A disconnect reports its own steps.
      pool.on('state-changed', () =>
        queueMicrotask(() => {
          if (this.poolInstance !== pool || this.disconnecting) return
          this.drains.poolStateChanged(pool)
          this.statusChanged()
        }),
      )
      const classify = classifierFor(params)
      this.unwatchPool = watchPoolEvents(pool, this.recordEvent, {
        describeError: (error) => classify(error).message,
        mask: (text) => maskText(text, params.password),
      })
      await pool.start()
      this.poolInstance = pool
      this.drains.reset()
      const checker = createHealthChecker(
        {
          profileId: this.profileId,
          clock: this.deps.clock,
          random: this.deps.random ?? Math.random,
          drivers: this.drivers,
          onChange: () => this.statusChanged(),
          onAttempt: (record) => {
            this.history.push(record)
            recordAttempt(this.recordEvent, record)
            this.deps.onAttempt(record)
          },
          onUp: (result) => {
            if (result.serverVersion !== null) this.serverVersion = result.serverVersion
          },
          onProbeConnection: (pid) => this.probeConnection.note(pid),
        },
        params,
        pool,
        health,
      )
      this.checker = checker
      this.stats.start()
      if (this.deps.observeSessions !== false)
        this.observeSessions(pool, sessionSettings, samplingIdentity(params))
      await checker.start()
      if (checker.state === 'failed' && checker.errorClass === 'permanent' && checker.error)
        throw checker.error
      if (checker.state === 'connected')
        await warmUp(pool, sizing.min, params.connectTimeoutMs, this.deps.clock)
      this.stats.pushNow()
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

  /**
   * Drains the pool (see the file comment and drain-control.ts). The answer comes at once; the
   * drain's end follows in status pushes. Refused, changing nothing, unless connected with a
   * running pool.
   */
  drain(request: DrainRequest = {}): ProfileStatus {
    const pool = this.poolInstance
    if (!pool || !this.checker || this.state !== 'connected')
      throw new LifeguardError(
        'invalid-state',
        `the profile is ${this.state}: only a connected profile can be drained`,
      )
    this.drains.drain(pool, request)
    this.statusChanged()
    return this.status()
  }

  /** Back to running after (or during) a drain: probes and samples start again. */
  resume(): ProfileStatus {
    this.drains.resume(this.poolInstance)
    return this.status()
  }

  /**
   * Ends the pool at once: connections in use are destroyed and their backends terminated, idle
   * ones closed; the profile is disconnected. Refused, changing nothing, without a pool.
   */
  shutdown(): Promise<ShutdownResult & { status: ProfileStatus }> {
    return this.serialise(async () => {
      if (!this.poolInstance || !this.checker) throw notConnected()
      const counts = await this.teardown()
      return { ...counts, status: this.status() }
    })
  }

  disconnect(): Promise<ProfileStatus> {
    return this.serialise(async () => {
      if (this.poolInstance && this.checker) await this.teardown()
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

  /**
   * The backend pid of the pool connection the health probe ran on last, while the pool holds it
   * (none or one). Marked when the Sessions tab asks (sessions-view.ts), not in every sample: a
   * sample shared by many profiles on one server then stays one object for all of them.
   */
  probePids(): number[] {
    return this.probeConnection.pids(this.poolInstance)
  }

  private async teardown(): Promise<ShutdownResult> {
    const pool = this.poolInstance!
    const checker = this.checker!
    this.disconnecting = true
    this.statusChanged()
    this.quiet = true
    checker.stop()
    this.quiet = false
    this.observer?.sessions.stop()
    this.observer?.unwatch()
    this.observer = undefined
    this.alertFeed.disconnected()
    this.stats.stop()
    const g = pool.stats()
    const counts: ShutdownResult = { terminated: g.total - g.idle, closed: g.idle }
    this.drains.closing(pool)
    await pool.shutdown()
    this.stats.pushNow()
    this.unwatchPool?.()
    this.unwatchPool = undefined
    this.poolInstance = undefined
    this.checker = undefined
    this.probeConnection.forget()
    this.disconnecting = false
    this.statusChanged()
    return counts
  }

  /** Samples pg_stat_activity through this session (so through the breaker) while connected. */
  private observeSessions(
    pool: ConnectionPool,
    settings: Partial<SessionSettings>,
    identity: string | undefined,
  ): void {
    const sampling = this.deps.sessionSampling
    const sessions = new SessionObserver({
      acquirer: this,
      clock: this.deps.clock,
      settings,
      ...(sampling && identity !== undefined ? { shared: { sampling, identity } } : {}),
      ownPids: () => poolBackendPids(pool),
      onSnapshot: (snapshot) => this.deps.onSessions?.(snapshot),
      onAlerts: (changes) => this.alertFeed.changed(changes),
    })
    const unwatch = sessions.watchPool(pool)
    sessions.start()
    this.observer = { sessions, unwatch }
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
    const status = this.status()
    this.statusEvents.status(status)
    this.alertFeed.followBreaker(status.health)
    this.deps.onStatus(status)
  }

  private pushStats(stats: PoolStats): void {
    this.deps.onStats(stats, this.deps.clock.wallNow())
    // While draining, the progress (connections still in use) goes out with the counts.
    const pool = this.poolInstance
    if (pool && this.drains.progressMoved(pool)) this.statusChanged()
  }
}

function notConnected(): LifeguardError {
  return new LifeguardError('invalid-state', 'the profile is not connected: connect it first')
}
