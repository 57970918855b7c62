/**
 * The things the health checker does to a real database: a reconnect attempt (a fresh
 * connection of its own, so it never waits behind the pool), a probe (through the pool's
 * reserved partition, so a saturated pool never blinds it), and the same probe on a connection of
 * its own while the pool is draining or drained. All are bounded in time.
 */
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import {
  AcquireTimeoutError,
  type ConnectionPool,
  type PoolConnection,
  type PoolLease,
} from '../pool/engine'
import { openPgConnection, type ConnectionParams } from '../pool/pg-connection'
import { deadline, PAUSE_DETECTION_MS, PAUSE_GRACE_MS } from './deadline'
import type { AttemptResult, ProbeResult } from './health-checker'

export const PROBE_HOLDER = 'lifeguard: health probe'

/** Client backends in use and the connections the server allows ordinary roles. */
export const SERVER_COUNTS_SQL = `SELECT
  (SELECT count(*) FROM pg_stat_activity
    -- Without pg_monitor, other roles' sessions show backend_type NULL; they still use slots.
    WHERE backend_type = 'client backend' OR (backend_type IS NULL AND datid IS NOT NULL))::int AS used,
  (current_setting('max_connections')::int
   - current_setting('superuser_reserved_connections')::int
   - coalesce(nullif(current_setting('reserved_connections', true), '')::int, 0)) AS available`

/** Opens a connection (bounded by `timeoutMs` through connect + authentication), reads the version, closes it. */
export async function attemptConnection(
  params: ConnectionParams,
  clock: Clock,
  timeoutMs: number,
): Promise<AttemptResult> {
  const client = await openPgConnection({ ...params, connectTimeoutMs: timeoutMs })
  try {
    const result = await deadline(
      clock,
      client.query('SHOW server_version'),
      timeoutMs,
      'the server version query',
    )
    const row = result.rows[0] as { server_version?: string } | undefined
    return { serverVersion: row?.server_version ?? null }
  } finally {
    void client.end().catch(() => undefined)
  }
}

/**
 * Acquires from the pool's reserved partition, but gives up at once if the pool fails to open a
 * connection meanwhile (the database refused it): waiting out the timeout would only delay the news.
 * The pool's wait timer is not pause-aware: after a SIGSTOP (or a sleep) it fires before the
 * answer of the connection's validation, already in the socket, is read. So a wait that timed out
 * that late is given the same short grace `deadline` gives.
 */
function acquireForProbe(
  pool: ConnectionPool,
  partition: string,
  clock: Clock,
  timeoutMs: number,
): Promise<PoolLease> {
  const started = clock.now()
  const acquire = (ms: number) =>
    pool.acquire({ partition, timeoutMs: ms, holder: PROBE_HOLDER, priority: 'critical' })
  return new Promise<PoolLease>((resolve, reject) => {
    let done = false
    const finish = (): boolean => {
      if (done) return false
      done = true
      stopListening()
      return true
    }
    const stopListening = pool.on('create-failed', ({ error }) => {
      if (finish()) reject(error)
    })
    const acquired = acquire(timeoutMs).catch((error: unknown) => {
      const overdue = clock.now() - started - timeoutMs
      if (error instanceof AcquireTimeoutError && overdue > PAUSE_DETECTION_MS)
        return acquire(PAUSE_GRACE_MS)
      throw error
    })
    acquired.then(
      (lease) => {
        if (finish()) resolve(lease)
        else lease.release()
      },
      (error: unknown) => {
        if (!finish()) return
        // The reserved partition cannot be exhausted by the workload: a probe that got no
        // connection in time means the database (or the network) did not answer.
        if (error instanceof AcquireTimeoutError && error.code === 'pool-exhausted')
          reject(
            new LifeguardError(
              'timeout',
              `the health probe got no answer within ${timeoutMs} ms (checking its connection)`,
              { cause: error },
            ),
          )
        else reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

function pidOf(lease: PoolLease): { backendPid?: number } {
  return lease.backendPid === undefined ? {} : { backendPid: lease.backendPid }
}

/**
 * What is left of a probe's time. Time spent beyond all of it can only have been a process pause
 * that a bound forgave (deadline's grace): it was not the database's, so the next step gets the
 * whole time again rather than a millisecond.
 */
function timeLeft(clock: Clock, started: number, timeoutMs: number): () => number {
  return () => {
    const spent = clock.now() - started
    return spent > timeoutMs ? timeoutMs : Math.max(1, timeoutMs - spent)
  }
}

export async function probeThroughPool(
  pool: ConnectionPool,
  partition: string,
  clock: Clock,
  timeoutMs: number,
  withServerCounts: boolean,
): Promise<ProbeResult> {
  const started = clock.now()
  const lease = await deadline(
    clock,
    acquireForProbe(pool, partition, clock, timeoutMs),
    timeoutMs,
    'the health probe (waiting for a connection)',
  )
  const left = timeLeft(clock, started, timeoutMs)
  try {
    const remaining = left()
    const queryStart = clock.now()
    await deadline(clock, lease.connection.query('SELECT 1'), remaining, 'the health probe')
    const latencyMs = clock.now() - queryStart
    let server: ProbeResult['server'] = null
    if (withServerCounts) {
      // The counts are extra: the database already answered, so a slow or failed count does not
      // fail the probe (the connection, with a query maybe still running, is discarded instead).
      try {
        server = await serverCounts(lease.connection, clock, left())
      } catch (error) {
        lease.release(error instanceof Error ? error : new Error(String(error)))
        return { latencyMs, server: null, ...pidOf(lease) }
      }
    }
    lease.release()
    return { latencyMs, server, ...pidOf(lease) }
  } catch (error) {
    // The database stopped answering on a live connection: hold creations before that connection
    // is removed, or the pool would start replacing it at once, behind the health checker's back
    // (the checker holds them anyway as it marks the profile down, and releases them when an
    // attempt succeeds).
    pool.holdCreates(true)
    lease.release(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}

async function serverCounts(
  connection: PoolConnection,
  clock: Clock,
  timeoutMs: number,
): Promise<ProbeResult['server']> {
  const result = await deadline(
    clock,
    connection.query(SERVER_COUNTS_SQL),
    timeoutMs,
    'the server connection count',
  )
  const row = result.rows[0] as { used?: number; available?: number } | undefined
  return typeof row?.used === 'number' && typeof row.available === 'number'
    ? { used: row.used, available: row.available }
    : null
}

/**
 * The probe on a connection of its own, for while the pool is draining or drained: connect
 * (`open` is given the probe's time as its connect bound), `SELECT 1`, the server counts
 * if asked, close. The latency is the `SELECT 1` round trip, as for the pool's probe (a connect
 * costs a handshake and would trip the latency thresholds on every probe). Bounded by `timeoutMs`
 * in all; a connection that arrives after its bound is closed.
 */
export async function probeOnOwnConnection(
  open: (connectTimeoutMs: number) => Promise<PoolConnection>,
  clock: Clock,
  timeoutMs: number,
  withServerCounts: boolean,
): Promise<ProbeResult> {
  const left = timeLeft(clock, clock.now(), timeoutMs)
  const opening = open(timeoutMs)
  let connection: PoolConnection
  try {
    connection = await deadline(clock, opening, timeoutMs, 'the health probe (connecting)')
  } catch (error) {
    opening.then(
      (late) => {
        late.on('error', () => undefined)
        void late.end().catch(() => undefined)
      },
      () => undefined,
    )
    throw error
  }
  // An error event after the end (the server going away) must not be unhandled.
  connection.on('error', () => undefined)
  let answered = false
  try {
    const queryStart = clock.now()
    await deadline(clock, connection.query('SELECT 1'), left(), 'the health probe')
    const latencyMs = clock.now() - queryStart
    let server: ProbeResult['server'] = null
    if (withServerCounts) server = await serverCounts(connection, clock, left()).catch(() => null)
    answered = true
    return { latencyMs, server }
  } finally {
    // A goodbye for a server that answers; a server that did not may never read one, so the
    // connection is destroyed where the driver can (pg.Client cannot: its end() closes the
    // socket at once while a query is still running).
    if (!answered && connection.destroy) connection.destroy()
    else void connection.end().catch(() => undefined)
  }
}
