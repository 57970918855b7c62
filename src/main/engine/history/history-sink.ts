/**
 * The history sink (issue 5, item 5a): when the preferences name a sink profile, every
 * `intervalMs` (default 10 s) a metrics snapshot of every connected profile is taken (pool gauges
 * and counters, wait percentiles, health level and latency, server connections, queue depth) and
 * queued as ONE operation per profile into the sink profile's durable write queue, an INSERT into
 * lifeguard.pool_snapshots under the id `snapshot:<profileId>:<takenAt>`. So when the sink is
 * down, snapshots wait on disk and land later, in order (the queue is FIFO), none lost (acked only
 * after fsync), none duplicated (the exactly-once table is turned on with the tables).
 *
 * Nothing is taken until the tables exist there (created on the user's consent, createTables):
 * a snapshot queued without them would stop the queue with "relation does not exist".
 *
 * States: 'off' (no sink) | 'waiting-for-tables' | 'running'. Time is injected: the cadence runs
 * on the clock's timers (a fake clock in tests); a snapshot's time is the wall clock.
 */
import type { HistorySinkSettings } from '../../../shared/cockpit'
import type { HistorySinkStatus } from '../../../shared/queue'
import type { ErrorInfo } from '../../../shared/result'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { NamedTimers } from '../core/named-timers'
import type { EnqueueInput } from '../queue'
import { snapshotOperation, type SnapshotSource } from './snapshot-operation'

export interface HistorySinkDeps {
  clock: Clock
  /** The preferences' historySink (read at start and at every configure()). */
  settings(): HistorySinkSettings
  /** The tables were created on this profile's server (on consent). */
  tablesReady(profileId: string): boolean
  /** Every connected profile, in the dashboard's order. */
  sources(): SnapshotSource[]
  /** Queues the operations in this order into the profile's write queue. */
  enqueue(profileId: string, operations: EnqueueInput[]): Promise<PromiseSettledResult<unknown>[]>
  /** Creates the tables on the profile's server (the user consented) and turns exactly-once on. */
  createTables(profileId: string): Promise<void>
  /** history:changed. */
  onStatus(status: HistorySinkStatus): void
}

export type HistorySinkState = 'off' | 'waiting-for-tables' | 'running'

export class HistorySink {
  private current: HistorySinkSettings = { profileId: null, intervalMs: 10_000 }
  private readonly timers: NamedTimers<'snapshot'>
  private taken = 0
  private lastAt: number | null = null
  private lastError: ErrorInfo | null = null
  private disposed = false

  constructor(private readonly deps: HistorySinkDeps) {
    this.timers = new NamedTimers(deps.clock)
  }

  get state(): HistorySinkState {
    const id = this.current.profileId
    if (id === null) return 'off'
    return this.deps.tablesReady(id) ? 'running' : 'waiting-for-tables'
  }

  status(): HistorySinkStatus {
    const id = this.current.profileId
    return {
      profileId: id,
      intervalMs: this.current.intervalMs,
      tablesReady: id !== null && this.deps.tablesReady(id),
      snapshotsTaken: this.taken,
      lastSnapshotAt: this.lastAt,
      lastError: this.lastError,
    }
  }

  /** Reads the preferences again (call at start and on every change); re-arms the cadence. */
  configure(): void {
    if (this.disposed) return
    const next = { ...this.deps.settings() }
    const changed =
      next.profileId !== this.current.profileId || next.intervalMs !== this.current.intervalMs
    if (next.profileId !== this.current.profileId) {
      this.taken = 0
      this.lastAt = null
      this.lastError = null
    }
    this.current = next
    if (next.profileId === null) this.timers.clear('snapshot')
    else if (changed || !this.timers.isArmed('snapshot')) this.arm()
    if (changed) this.push()
  }

  /** The user consented: the tables (and the exactly-once table) are created on the sink. */
  async createTables(): Promise<HistorySinkStatus> {
    const id = this.current.profileId
    if (id === null)
      throw new LifeguardError(
        'invalid-state',
        'choose the history profile first, then create its tables',
      )
    await this.deps.createTables(id)
    this.lastError = null
    this.push()
    return this.status()
  }

  /** Takes one snapshot of every connected profile now (the cadence's job). */
  async snapshot(): Promise<void> {
    const id = this.current.profileId
    if (id === null || !this.deps.tablesReady(id)) return
    const sources = this.deps.sources()
    if (sources.length === 0) return
    const takenAt = this.deps.clock.wallNow()
    const operations = sources.map((source) => snapshotOperation(source, takenAt))
    let results: PromiseSettledResult<unknown>[]
    try {
      results = await this.deps.enqueue(id, operations)
    } catch (error) {
      results = operations.map(() => ({ status: 'rejected', reason: error }) as const)
    }
    if (this.current.profileId !== id) return
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    const queued = results.filter((r) => r.status === 'fulfilled').length
    this.taken += queued
    if (queued > 0) this.lastAt = takenAt
    this.lastError = refused ? errorInfo(refused.reason) : null
    this.push()
  }

  /** Something the status depends on changed elsewhere (a consent): push it. */
  statusChanged(): void {
    this.push()
  }

  dispose(): void {
    this.disposed = true
    this.timers.clearAll()
  }

  private arm(): void {
    this.timers.arm('snapshot', this.current.intervalMs, () => {
      // The next one is armed first: a slow disk never stretches the cadence.
      this.arm()
      void this.snapshot()
    })
  }

  private push(): void {
    if (!this.disposed) this.deps.onStatus(this.status())
  }
}

function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof LifeguardError) return error.toInfo()
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}
