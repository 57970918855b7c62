/**
 * Samples the server's sessions: one query per interval (default 2 s) through the pool's reserved
 * 'monitor' partition, bounded by its own timeout (default 1.5 s, waiting for the connection
 * included), never holding the connection beyond that one sample.
 *
 *   start() -> sample now, then every sampleIntervalMs (measured from each sample's start; a slow
 *              sample delays the next, samples never overlap) -> stop()
 *
 * The server's version is read once (server_version_num) and picks the columns the sampling query
 * names; every sample reports the version again, and a change (or an undefined-column error after
 * an upgrade or a failover) makes the next sample re-read it. A failed sample changes nothing it
 * has reported: it goes to onError and the next one is tried on schedule.
 */
import type { Clock, TimerHandle } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { defaults } from '../defaults'
import { MIN_SERVER_VERSION_NUM, sessionSampleSql, VERSION_SQL } from './activity-sql'
import {
  asQueryFailed,
  isStatementError,
  withBoundedLease,
  type SessionAcquirer,
} from './bounded-lease'
import { resolveSessionSettings, type SessionSettings } from './session-settings'
import { buildSnapshot } from './session-snapshot'
import type { SessionSnapshot } from './session-types'

export const SAMPLER_HOLDER = 'lifeguard: session sampler'

/** undefined_column, undefined_function: the query does not fit this server's version. */
const versionMismatch = new Set(['42703', '42883'])

export interface SessionSamplerDeps {
  acquirer: SessionAcquirer
  clock: Clock
  settings?: SessionSettings
  /** Default the profile pool's reserved partition; null for a pool without partitions. */
  partition?: string | null
  /** Backend pids of Lifeguard's own pool connections, read at each sample. */
  ownPids?: () => Iterable<number>
  onSnapshot?(snapshot: SessionSnapshot): void
  onError?(error: Error): void
}

export class SessionSampler {
  private readonly settings: SessionSettings
  private readonly partition: string | undefined
  private timer: TimerHandle | undefined
  private running = false
  /** Moves on every start and stop: a sample begun before a stop is not delivered after it. */
  private generation = 0
  private inFlight: Promise<SessionSnapshot> | undefined
  private versionNum: number | undefined
  private lastSnapshot: SessionSnapshot | undefined
  private lastFailure: Error | undefined

  constructor(private readonly deps: SessionSamplerDeps) {
    this.settings = deps.settings ?? resolveSessionSettings()
    this.partition =
      deps.partition === null ? undefined : (deps.partition ?? defaults.monitorPartition)
  }

  get isRunning(): boolean {
    return this.running
  }

  /** The last successful sample. */
  get latest(): SessionSnapshot | undefined {
    return this.lastSnapshot
  }

  /** The error of the last sample, or undefined when it succeeded. */
  get lastError(): Error | undefined {
    return this.lastFailure
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.generation++
    this.arm(0)
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    this.generation++
    this.deps.clock.clearTimeout(this.timer)
    this.timer = undefined
  }

  /** One sample now (joins the one in flight, if any). */
  sample(): Promise<SessionSnapshot> {
    if (this.inFlight) return this.inFlight
    const generation = this.generation
    const run = this.takeSample().then(
      (snapshot) => {
        this.inFlight = undefined
        this.lastSnapshot = snapshot
        this.lastFailure = undefined
        if (this.delivers(generation)) this.deps.onSnapshot?.(snapshot)
        return snapshot
      },
      (error: unknown) => {
        this.inFlight = undefined
        const failure = asQueryFailed(error, 'the session sample')
        this.lastFailure = failure
        if (this.delivers(generation)) this.deps.onError?.(failure)
        throw failure
      },
    )
    this.inFlight = run
    return run
  }

  /** A sample is reported unless the sampler was stopped (and not restarted) while it ran. */
  private delivers(generation: number): boolean {
    return this.running || generation === this.generation
  }

  private arm(delayMs: number): void {
    this.timer = this.deps.clock.setTimeout(() => void this.tick(), delayMs)
  }

  /** The repeating job: sample, then come back one interval after this sample began. */
  private async tick(): Promise<void> {
    this.timer = undefined
    const generation = this.generation
    const began = this.deps.clock.now()
    await this.sample().catch(() => undefined)
    if (!this.running || generation !== this.generation) return
    const spent = this.deps.clock.now() - began
    this.arm(Math.max(0, this.settings.sampleIntervalMs - spent))
  }

  private async takeSample(): Promise<SessionSnapshot> {
    const { clock } = this.deps
    let result
    try {
      result = await withBoundedLease(
        {
          acquirer: this.deps.acquirer,
          clock,
          partition: this.partition,
          holder: SAMPLER_HOLDER,
          timeoutMs: this.settings.sampleTimeoutMs,
          what: 'the session sample',
        },
        async (connection) => {
          const versionNum = this.versionNum ?? (await this.readVersion(connection))
          const started = clock.now()
          const { rows } = await connection.query(sessionSampleSql(versionNum))
          return { rows, sampleMs: clock.now() - started }
        },
      )
    } catch (error) {
      if (isStatementError(error) && versionMismatch.has(error.code)) this.versionNum = undefined
      throw error
    }
    const { rows, sampleMs } = result.value
    const snapshot = buildSnapshot(rows, {
      ownPids: new Set(this.deps.ownPids?.() ?? []),
      ownApplicationPrefix: this.settings.ownApplicationPrefix,
      sampledAt: clock.wallNow(),
      sampleMs,
      acquireMs: result.acquireMs,
    })
    // Reported on every sample: a server that changed version gets the right query next time.
    this.versionNum = snapshot.serverVersionNum
    return snapshot
  }

  private async readVersion(connection: {
    query(text: string): Promise<{ rows: unknown[] }>
  }): Promise<number> {
    const { rows } = await connection.query(VERSION_SQL)
    const value = (rows[0] as { server_version_num?: unknown } | undefined)?.server_version_num
    if (typeof value !== 'number')
      throw new LifeguardError('query-failed', 'the server did not report server_version_num')
    if (value < MIN_SERVER_VERSION_NUM)
      throw new LifeguardError(
        'invalid-state',
        `the sessions view needs PostgreSQL 12 or later; this server is ${value}`,
      )
    this.versionNum = value
    return value
  }
}
