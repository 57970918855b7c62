/**
 * One connected profile: its connection state machine, its pool and the live counts it pushes.
 * disconnected -> connecting -> connected -> disconnecting -> disconnected; connecting -> failed.
 */
import type { ConnectionState, PoolStats, ProfileStatus } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/result'
import { RepeatingTask, type Clock, type TimerHandle } from '../core/clock'
import { LifeguardError, isLifeguardError } from '../core/errors'
import { backendAdmin } from '../pool/backend-admin'
import { ConnectionPool, type PoolEvents } from '../pool/engine'
import { openPgConnection, type ConnectionParams } from '../pool/pg-connection'
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
  onStatus(status: ProfileStatus): void
  onStats(stats: PoolStats, at: number): void
}

export interface PoolSizing {
  max: number
  min: number
  acquireTimeoutMs: number
  partitions: Readonly<Record<string, number>>
}

export class ProfileSession {
  private state: ConnectionState = 'disconnected'
  private since: number
  private error: ErrorInfo | null = null
  private serverVersion: string | null = null
  private poolInstance: ConnectionPool | undefined
  private readonly ticker: RepeatingTask
  private lastStatsAt = -Infinity
  private pendingStats: TimerHandle | undefined
  private transition: Promise<unknown> = Promise.resolve()

  constructor(
    readonly profileId: string,
    private readonly deps: ProfileSessionDeps,
  ) {
    this.since = deps.clock.wallNow()
    this.ticker = new RepeatingTask('pool-stats', deps.clock, defaults.statsIntervalMs, () =>
      this.pushStats(),
    )
  }

  get pool(): ConnectionPool | undefined {
    return this.state === 'connected' ? this.poolInstance : undefined
  }

  status(): ProfileStatus {
    return {
      profileId: this.profileId,
      state: this.state,
      pool: this.poolInstance ? this.poolStats(this.poolInstance) : null,
      serverVersion: this.serverVersion,
      error: this.error,
      since: this.since,
    }
  }

  /** Connect and prefill the pool. Serialised with disconnect, so the two never interleave. */
  connect(params: ConnectionParams, sizing: PoolSizing): Promise<ProfileStatus> {
    return this.serialise(async () => {
      if (this.state === 'connected') return this.status()
      this.setState('connecting', null)
      let pool: ConnectionPool
      try {
        pool = new ConnectionPool(
          {
            connect: () => openPgConnection(params),
            clock: this.deps.clock,
            ...backendAdmin(params),
          },
          sizing,
        )
      } catch (error) {
        this.setState('failed', isLifeguardError(error) ? error.toInfo() : null)
        throw error
      }
      for (const event of statsEvents) pool.on(event, () => this.scheduleStats())
      this.poolInstance = pool
      try {
        await pool.start()
        const lease = await pool.acquire({
          holder: 'lifeguard: server version',
          partition: defaults.monitorPartition,
        })
        try {
          const result = await lease.connection.query('SHOW server_version')
          const row = result.rows[0] as { server_version?: string } | undefined
          this.serverVersion = row?.server_version ?? null
          lease.release()
        } catch (error) {
          lease.release(error as Error)
          throw error
        }
      } catch (error) {
        await pool.shutdown()
        this.poolInstance = undefined
        const info = isLifeguardError(error)
          ? error.toInfo()
          : new LifeguardError('connection-failed', 'could not open the pool').toInfo()
        this.setState('failed', info)
        throw error
      }
      this.setState('connected', null)
      this.ticker.start()
      this.pushStats()
      return this.status()
    })
  }

  disconnect(): Promise<ProfileStatus> {
    return this.serialise(async () => {
      const pool = this.poolInstance
      if (!pool) {
        if (this.state !== 'disconnected') this.setState('disconnected', null)
        return this.status()
      }
      this.setState('disconnecting', null)
      this.ticker.stop()
      this.deps.clock.clearTimeout(this.pendingStats)
      this.pendingStats = undefined
      await pool.shutdown()
      this.pushStats()
      this.poolInstance = undefined
      this.setState('disconnected', null)
      return this.status()
    })
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.transition.then(work, work)
    this.transition = next.catch(() => undefined)
    return next
  }

  private setState(state: ConnectionState, error: ErrorInfo | null): void {
    this.state = state
    this.error = error
    this.since = this.deps.clock.wallNow()
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
      waitP99Ms: h.acquireWait.p99,
    }
  }
}
