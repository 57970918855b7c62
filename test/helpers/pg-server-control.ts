/**
 * Fault scaffolding for the health and reconnect integration tests: a PostgreSQL of the test
 * file's own (an EmbeddedServer it may stop, start and kill, with the server's log kept), and a
 * ProfileSession or Monitor pointed at it (or at any address, e.g. a fault proxy in front of it)
 * whose every status push and attempt record is kept with the monotonic time it arrived.
 *
 * Everything here is closed by the returned handles' close()/dispose(); call them in afterAll.
 */
import { systemClock, type Clock, type TimerHandle } from '../../src/main/engine/core/clock'
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../src/main/engine/demo/embedded-server'
import { delayBounds, type BackoffPolicy } from '../../src/main/engine/health/backoff'
import {
  resolveHealthSettings,
  type HealthSettings,
} from '../../src/main/engine/health/health-settings'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import { ProfileSession, type PoolSizing } from '../../src/main/engine/monitor/profile-session'
import type { ConnectionParams } from '../../src/main/engine/pool/pg-connection'
import type { AttemptRecord, ConnectionState, ProfileStatus } from '../../src/shared/domain'
import { openMonitor } from './monitor-harness'

// ---- the server ---------------------------------------------------------------------------------

export interface OwnServer {
  readonly address: EmbeddedServerAddress
  /** Every line the server wrote to its log (stderr), in order. */
  readonly log: string[]
  readonly isRunning: boolean
  /** Fast shutdown (SIGINT to the postmaster); resolves when it has exited. */
  stop(): Promise<void>
  start(): Promise<void>
  /** SIGKILL of the postmaster (a crash); start() brings it back with crash recovery. */
  kill(): Promise<void>
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>
}

/** Initialises and starts a fresh cluster on a free port of 127.0.0.1 (about 1.5 s). */
export async function startOwnServer(postgresFlags: string[] = []): Promise<OwnServer> {
  const log: string[] = []
  const server = new EmbeddedServer({
    postgresFlags,
    log: (text) => {
      for (const line of text.split('\n')) if (line.trim() !== '') log.push(line)
    },
  })
  let address: EmbeddedServerAddress
  try {
    address = await server.init()
  } catch (error) {
    await server.dispose().catch(() => undefined)
    throw error
  }
  return {
    address,
    log,
    get isRunning() {
      return server.isRunning
    },
    stop: () => server.stop(),
    start: () => server.start(),
    kill: () => server.kill(),
    dispose: () => server.dispose(),
  }
}

// ---- settings and parameters --------------------------------------------------------------------

/** Health settings: the defaults with `overrides` (validated, as the app does). */
export function healthSettings(overrides: Partial<HealthSettings> = {}): HealthSettings {
  return resolveHealthSettings(overrides)
}

export function backoffOf(s: HealthSettings): BackoffPolicy {
  return {
    baseMs: s.backoffBaseMs,
    factor: s.backoffFactor,
    capMs: s.backoffCapMs,
    jitter: s.backoffJitter,
  }
}

/**
 * The most reconnect attempts that can start within `windowMs` of the first failure when every
 * failure advances the backoff from step `firstStep`: attempt n needs the shortest delays of
 * steps firstStep .. firstStep + n - 1 to have passed (attempts themselves take no time here,
 * which only loosens the bound).
 */
export function maxAttemptsWithin(s: HealthSettings, windowMs: number, firstStep = 1): number {
  const policy = backoffOf(s)
  let n = 0
  let elapsed = 0
  for (;;) {
    elapsed += delayBounds(policy, firstStep + n).min
    if (elapsed > windowMs) return n
    n++
  }
}

/** Where to connect: the server itself, or something in front of it (a fault proxy). */
export interface Route {
  host: string
  port: number
}

/** Connection parameters for `address`, reached through `route` (default: directly). */
export function paramsFor(
  address: EmbeddedServerAddress,
  options: {
    route?: Route
    applicationName?: string
    connectTimeoutMs?: number
    password?: string
  } = {},
): ConnectionParams {
  return {
    host: options.route?.host ?? address.host,
    port: options.route?.port ?? address.port,
    database: address.database,
    user: address.user,
    password: options.password ?? address.password,
    sslmode: 'disable',
    applicationName: options.applicationName ?? 'lifeguard-health-test',
    connectTimeoutMs: options.connectTimeoutMs ?? 1_000,
    // The app's default DB_OPERATION_TIMEOUT: long enough never to stand in for a health deadline.
    queryTimeoutMs: 30_000,
  }
}

/** A profile's pool sizing, small and with a short acquire timeout unless told otherwise. */
export function sizing(overrides: Partial<PoolSizing> = {}): PoolSizing {
  return {
    max: 5,
    min: 2,
    acquireTimeoutMs: 2_000,
    partitions: { monitor: 1, health: 1 },
    ...overrides,
  }
}

// ---- a recorded ProfileSession ------------------------------------------------------------------

export interface Stamped<T> {
  /** performance.now() when it arrived. */
  t: number
  value: T
}

export interface RecordedSession {
  readonly session: ProfileSession
  readonly settings: HealthSettings
  /** Every status pushed, in order. */
  readonly statuses: Stamped<ProfileStatus>[]
  /** Every attempt record pushed, in order. */
  readonly attempts: Stamped<AttemptRecord>[]
  /** The states in the order they were entered (consecutive duplicates folded). */
  stateChanges(): Stamped<ConnectionState>[]
  /**
   * The first status pushed at or after `after` (performance.now(), default: now) that satisfies
   * `accept`, or a rejection after `timeoutMs`. Event-driven: no polling.
   */
  waitFor(
    what: string,
    accept: (status: ProfileStatus) => boolean,
    timeoutMs: number,
    after?: number,
  ): Promise<Stamped<ProfileStatus>>
  /** When (performance.now()) the first status in `state` at or after `after` was pushed. */
  reach(state: ConnectionState, timeoutMs: number, after?: number): Promise<number>
  /** Disconnects (idempotent). */
  close(): Promise<void>
}

/** A ProfileSession (system clock unless given) recording what it pushes. Connect it yourself. */
export function recordedSession(
  health: Partial<HealthSettings> = {},
  options: { clock?: Clock; profileId?: string } = {},
): RecordedSession {
  const settings = healthSettings(health)
  const statuses: Stamped<ProfileStatus>[] = []
  const attempts: Stamped<AttemptRecord>[] = []
  const waiters = new Set<(s: Stamped<ProfileStatus>) => void>()
  const session = new ProfileSession(options.profileId ?? 'health-test', {
    clock: options.clock ?? systemClock,
    health: settings,
    onStatus: (status) => {
      const stamped = { t: performance.now(), value: status }
      statuses.push(stamped)
      for (const w of [...waiters]) w(stamped)
    },
    onStats: () => undefined,
    onAttempt: (record) => attempts.push({ t: performance.now(), value: record }),
    // Only the health checker and the pool here: the session sampler's own connection would blur
    // the counts of sockets, waiters and pool connections these tests check.
    observeSessions: false,
  })
  const waitFor: RecordedSession['waitFor'] = (what, accept, timeoutMs, after) => {
    const from = after ?? performance.now()
    const seen = statuses.find((s) => s.t >= from && accept(s.value))
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check)
        const now = session.status()
        reject(
          new Error(
            `${what}: not seen within ${timeoutMs} ms (state ${now.state}, breaker ` +
              `${now.health?.breaker ?? '-'}, last error: ${now.error?.message ?? 'none'})`,
          ),
        )
      }, timeoutMs)
      const check = (s: Stamped<ProfileStatus>) => {
        if (!accept(s.value)) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve(s)
      }
      waiters.add(check)
    })
  }
  let closed: Promise<unknown> | undefined
  return {
    session,
    settings,
    statuses,
    attempts,
    stateChanges() {
      const out: Stamped<ConnectionState>[] = []
      for (const s of statuses)
        if (out.at(-1)?.value !== s.value.state) out.push({ t: s.t, value: s.value.state })
      return out
    },
    waitFor,
    reach: (state, timeoutMs, after) =>
      waitFor(`state ${state}`, (s) => s.state === state, timeoutMs, after).then((s) => s.t),
    close() {
      closed ??= session.disconnect()
      return closed.then(() => undefined)
    },
  }
}

// ---- a Monitor ----------------------------------------------------------------------------------

/** A real Monitor (conf store in `dataDir`) whose one profile points at `route` (or the server). */
export function monitorAt(
  dataDir: string,
  address: EmbeddedServerAddress,
  options: {
    route?: Route
    password?: string
    connectTimeoutMs?: number
    health?: Partial<HealthSettings>
  } = {},
): { monitor: Monitor; profileId: string } {
  const monitor = openMonitor(dataDir, options.connectTimeoutMs ?? 1_000, options.health ?? {})
  const profile = monitor.saveProfile(undefined, {
    name: 'health-test',
    host: options.route?.host ?? address.host,
    port: options.route?.port ?? address.port,
    database: address.database,
    user: address.user,
    sslmode: 'disable',
    password: options.password ?? address.password,
  })
  return { monitor, profileId: profile.id }
}

// ---- process-level resources --------------------------------------------------------------------

/** How many of each kind of libuv resource keep this process busy (Timeout, TCPSocketWrap, ...). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

/** The system clock, counting its live timers (armed, not yet fired or cleared). */
export interface CountingClock extends Clock {
  readonly liveTimers: number
}

export function countingClock(): CountingClock {
  const live = new Set<TimerHandle>()
  return {
    now: () => systemClock.now(),
    wallNow: () => systemClock.wallNow(),
    setTimeout(callback, ms) {
      const handle = systemClock.setTimeout(() => {
        live.delete(handle)
        callback()
      }, ms)
      live.add(handle)
      return handle
    },
    clearTimeout(handle) {
      if (handle !== undefined) live.delete(handle)
      systemClock.clearTimeout(handle)
    },
    get liveTimers() {
      return live.size
    },
  }
}

/** Resolves after `ms` of real time: only for the length of a fault or an observation window. */
export function hold(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
