/**
 * The load lab's workload of one profile (issue 8 item 9): N virtual clients running `SELECT 1`
 * or `SELECT pg_sleep($1)` through the profile's pool (its `acquire`, so through the circuit
 * breaker) at a target total rate, and optionally a planted leak every N seconds: one connection
 * taken and held for leakHoldMs, then given back, so the pool's leak alert fires after its
 * leakDetectionMs and resolves when the hold ends.
 *
 * Pacing, on the injected clock: each client runs at rate / clients per second on a schedule of
 * its own (client i starts i / rate seconds in, then one period after the previous start), each
 * start moved by up to a quarter period either way at random (JITTER) around that schedule, so
 * the load is not a fixed pattern that a once-a-second sample always catches in the same phase;
 * the schedule itself does not drift, so the rate holds. A query that took longer than its
 * period starts the next one at once (a slow server lowers the achieved rate rather than causing
 * a burst to catch up).
 *
 * States: stopped -> running (enabled and the pool can serve: `setCanRun(true)`) -> stopped
 * (disabled, or the pool stops serving: drain, shutdown, disconnect). Stopping releases every
 * planted leak at once, so a drain can finish; queries in flight finish and give their connection
 * back. Counters start again at each start. `onChange` is called on every start, stop, settings
 * change and planted leak, and at most once a second while running.
 */
import type { WorkloadSettings, WorkloadStatus } from '../../../shared/cockpit'
import type { ErrorInfo } from '../../../shared/result'
import { RepeatingTask, type Clock, type TimerHandle } from '../core/clock'
import { isLifeguardError } from '../core/errors'
import type { RecordEvent } from '../events/profile-event-recorder'
import type { PoolLease } from '../pool/engine'
import type { Acquirer } from '../monitor/profile-session'
import { RateWindow } from './rate-window'
import {
  PLANTED_LEAK_HOLDER,
  RATE_WINDOW_MS,
  REPORT_EVERY_MS,
  WORKLOAD_HOLDER,
} from './workload-settings'

/** How far a start may move from its schedule, as a share of the period (either way). */
export const JITTER = 0.25

export interface WorkloadDeps {
  profileId: string
  acquirer: Acquirer
  clock: Clock
  /** [0, 1) for the start jitter (default Math.random; 0.5 means none). */
  random?: () => number
  onChange(status: WorkloadStatus): void
  /** Engine events (kind 'workload-changed'). */
  record?: RecordEvent
}

interface HeldLeak {
  lease: PoolLease
  timer: TimerHandle
}

function errorInfo(error: unknown): ErrorInfo {
  if (isLifeguardError(error)) return error.toInfo()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'query-failed', message: message.slice(0, 300) }
}

export function describeWorkload(s: WorkloadSettings): string {
  const query = s.query === 'sleep' ? `pg_sleep ${s.sleepMs} ms` : 'SELECT 1'
  const leak =
    s.leakEverySeconds === null
      ? ''
      : `, a leak every ${s.leakEverySeconds} s held ${Math.round(s.leakHoldMs / 1000)} s`
  return `${s.clients} clients, ${s.ratePerSecond}/s of ${query}${leak}`
}

export class Workload {
  private current: WorkloadSettings
  private canRun = false
  private running = false
  private generation = 0
  private readonly timers = new Set<TimerHandle>()
  private readonly held = new Set<HeldLeak>()
  private completed = 0
  private failed = 0
  private leaksPlanted = 0
  private lastError: ErrorInfo | null = null
  private readonly rate = new RateWindow(RATE_WINDOW_MS)
  private readonly reporter: RepeatingTask
  private reported = ''

  constructor(
    private readonly deps: WorkloadDeps,
    settings: WorkloadSettings,
  ) {
    this.current = { ...settings }
    this.reporter = new RepeatingTask('workload-report', deps.clock, REPORT_EVERY_MS, () =>
      this.report(false),
    )
  }

  get settings(): WorkloadSettings {
    return { ...this.current }
  }

  get isRunning(): boolean {
    return this.running
  }

  status(): WorkloadStatus {
    return {
      profileId: this.deps.profileId,
      settings: { ...this.current },
      running: this.running,
      completed: this.completed,
      failed: this.failed,
      leaksPlanted: this.leaksPlanted,
      leaksHeld: this.held.size,
      achievedRatePerSecond: this.running ? this.rate.rate(this.deps.clock.now()) : 0,
      lastError: this.lastError,
    }
  }

  /** New settings: a running workload starts again with them (counters from zero). */
  configure(settings: WorkloadSettings): WorkloadStatus {
    this.current = { ...settings }
    if (this.running) this.halt()
    this.deps.record?.(
      'workload-changed',
      'info',
      settings.enabled ? `load lab set: ${describeWorkload(settings)}` : 'load lab switched off',
      {
        enabled: settings.enabled,
        clients: settings.clients,
        ratePerSecond: settings.ratePerSecond,
      },
    )
    this.apply()
    this.report(true)
    return this.status()
  }

  /** Whether the profile's pool can serve now (running pool, not disconnecting). */
  setCanRun(canRun: boolean): void {
    if (canRun === this.canRun) return
    this.canRun = canRun
    const before = this.running
    this.apply()
    if (before !== this.running) {
      this.deps.record?.(
        'workload-changed',
        'info',
        this.running
          ? `load lab running: ${describeWorkload(this.current)}`
          : 'load lab paused: the pool is not serving (drain, shutdown or disconnect)',
        { running: this.running },
      )
      this.report(true)
    }
  }

  /** Stops for good (the profile is deleted or the app closes); nothing is reported. */
  dispose(): void {
    this.canRun = false
    if (this.running) this.halt()
  }

  private apply(): void {
    const want = this.current.enabled && this.canRun
    if (want && !this.running) this.begin()
    else if (!want && this.running) this.halt()
  }

  private begin(): void {
    const { clock } = this.deps
    const s = this.current
    this.running = true
    const generation = ++this.generation
    this.completed = 0
    this.failed = 0
    this.leaksPlanted = 0
    this.lastError = null
    const now = clock.now()
    this.rate.reset(now)
    const periodMs = (s.clients / s.ratePerSecond) * 1000
    const stagger = 1000 / s.ratePerSecond
    for (let i = 0; i < s.clients; i++) this.client(generation, now + i * stagger, periodMs)
    if (s.leakEverySeconds !== null) this.leakTimer(generation, s.leakEverySeconds * 1000)
    this.reporter.start()
  }

  private halt(): void {
    this.running = false
    this.generation++
    for (const t of this.timers) this.deps.clock.clearTimeout(t)
    this.timers.clear()
    this.reporter.stop()
    for (const leak of [...this.held]) this.giveBack(leak)
  }

  private later(ms: number, run: () => void): void {
    const handle = this.deps.clock.setTimeout(
      () => {
        this.timers.delete(handle)
        run()
      },
      Math.max(0, ms),
    )
    this.timers.add(handle)
  }

  /** One virtual client: its next start due at `at` (monotonic, before jitter), then every `periodMs`. */
  private client(generation: number, at: number, periodMs: number): void {
    const jitter = ((this.deps.random ?? Math.random)() - 0.5) * 2 * JITTER * periodMs
    this.later(at + jitter - this.deps.clock.now(), () => {
      void this.runOnce(generation).then(() => {
        if (generation !== this.generation) return
        this.client(generation, Math.max(at + periodMs, this.deps.clock.now()), periodMs)
      })
    })
  }

  private async runOnce(generation: number): Promise<void> {
    const s = this.current
    let lease: PoolLease
    try {
      lease = await this.deps.acquirer.acquire({ holder: WORKLOAD_HOLDER })
    } catch (error) {
      this.failure(generation, error)
      return
    }
    try {
      if (s.query === 'sleep')
        await lease.connection.query('SELECT pg_sleep($1)', [s.sleepMs / 1000])
      else await lease.connection.query('SELECT 1')
      lease.release()
    } catch (error) {
      lease.release(error instanceof Error ? error : new Error(String(error)))
      this.failure(generation, error)
      return
    }
    if (generation !== this.generation) return
    this.completed++
    this.rate.add(this.deps.clock.now())
  }

  private failure(generation: number, error: unknown): void {
    // What fails after a stop (a drain refusing waiters, a shutdown ending queries) is not counted.
    if (generation !== this.generation) return
    this.failed++
    this.lastError = errorInfo(error)
  }

  private leakTimer(generation: number, everyMs: number): void {
    this.later(everyMs, () => {
      if (generation !== this.generation) return
      void this.plantLeak(generation)
      this.leakTimer(generation, everyMs)
    })
  }

  private async plantLeak(generation: number): Promise<void> {
    let lease: PoolLease
    try {
      lease = await this.deps.acquirer.acquire({ holder: PLANTED_LEAK_HOLDER })
    } catch (error) {
      this.failure(generation, error)
      return
    }
    if (generation !== this.generation) {
      lease.release()
      return
    }
    this.leaksPlanted++
    const leak: HeldLeak = {
      lease,
      timer: this.deps.clock.setTimeout(() => {
        this.giveBack(leak)
        this.report(true)
      }, this.current.leakHoldMs),
    }
    this.held.add(leak)
    this.report(true)
  }

  private giveBack(leak: HeldLeak): void {
    if (!this.held.delete(leak)) return
    this.deps.clock.clearTimeout(leak.timer)
    leak.lease.release()
  }

  /** Reports the status if it changed (or always, when `force`). */
  private report(force: boolean): void {
    const status = this.status()
    const key = JSON.stringify(status)
    if (!force && key === this.reported) return
    this.reported = key
    this.deps.onChange(status)
  }
}
