/**
 * A write queue on the real PostgreSQL, wired as the monitor will wire it: a database of the test
 * file's own (created here, dropped in close()), a ProfileSession connected to it (so replay
 * acquires through its pool and circuit breaker, and "usable" comes from its status), and the
 * real durable log (queue/storage) in a temp dir, or the in-memory one.
 */
import pg from 'pg'
import { systemClock } from '../../../../../src/main/engine/core/clock'
import type { BackoffPolicy } from '../../../../../src/main/engine/health/backoff'
import { ProfileSession } from '../../../../../src/main/engine/monitor/profile-session'
import type { DurableQueueLog } from '../../../../../src/main/engine/queue/queue-log-types'
import type { QueueSettings } from '../../../../../src/main/engine/queue/queue-settings'
import type { QueueEvent } from '../../../../../src/main/engine/queue/replay/replay-types'
import { openQueueStore } from '../../../../../src/main/engine/queue/storage'
import { usabilityOf } from '../../../../../src/main/engine/queue/usability'
import { WriteQueue } from '../../../../../src/main/engine/queue/write-queue'
import type { ConnectionParams } from '../../../../../src/main/engine/pool/pg-connection'
import { healthSettings, sizing } from '../../../../helpers/pg-server-control'
import { pgTarget, type PgTarget } from '../../../../helpers/pg-target'
import { tempDir } from '../../../../helpers/temp-dir'

/** Short, so a transient error costs the tests little time (the shape is the reconnect backoff). */
export const fastBackoff: BackoffPolicy = { baseMs: 100, factor: 2, capMs: 1_000, jitter: 0.2 }

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9).toString(36)}`
}

/** Runs SQL on an admin connection to `database` (default: the test server's own database). */
export async function admin<T extends object = Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
  database?: string,
): Promise<T[]> {
  const t = pgTarget()
  const client = new pg.Client({
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database: database ?? t.database,
    application_name: 'lifeguard-test-admin',
  })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** A database of the test's own, so schema `lifeguard` and settings are the test's alone. */
export async function ownDatabase(
  prefix: string,
): Promise<{ name: string; drop(): Promise<void> }> {
  const name = uniqueName(prefix)
  await admin(`CREATE DATABASE ${name}`)
  return {
    name,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  }
}

export function paramsOf(
  target: PgTarget,
  database: string,
  applicationName: string,
): ConnectionParams {
  return {
    host: target.host,
    port: target.port,
    database,
    user: target.user,
    password: target.password,
    sslmode: 'disable',
    applicationName,
    connectTimeoutMs: 5_000,
    queryTimeoutMs: 30_000,
  }
}

export interface ReplayFixture {
  session: ProfileSession
  queue: WriteQueue
  log: DurableQueueLog
  events: QueueEvent[]
  applicationName: string
  /** A fresh WriteQueue over the same session and log (the old one must be closed). */
  reopenQueue(log?: DurableQueueLog, settings?: Partial<QueueSettings>): WriteQueue
  /** Closes the queue(s), the session and the log store (not the database). */
  close(): Promise<void>
}

export async function openReplayFixture(options: {
  database: string
  profileId?: string
  settings?: Partial<QueueSettings>
  log?: 'durable' | DurableQueueLog
  /** Runs on the log before the queue exists (operations a previous run left). */
  prefill?: (log: DurableQueueLog) => Promise<void>
  /** Wraps the log before the queue gets it (a crash simulation). */
  wrapLog?: (log: DurableQueueLog) => DurableQueueLog
  dataDir?: string
}): Promise<ReplayFixture> {
  const target = pgTarget()
  const profileId = options.profileId ?? 'replay-test'
  const applicationName = uniqueName('lg_replay')
  const events: QueueEvent[] = []
  const closers: Array<() => Promise<void>> = []
  let current: WriteQueue | undefined
  const session = new ProfileSession(profileId, {
    clock: systemClock,
    health: healthSettings(),
    onStatus: () => current?.healthChanged(),
    onStats: () => undefined,
    onAttempt: () => undefined,
    observeSessions: false,
  })
  await session.connect(
    paramsOf(target, options.database, applicationName),
    sizing({ acquireTimeoutMs: 5_000 }),
  )
  closers.push(() => session.disconnect().then(() => undefined))
  let log: DurableQueueLog
  const maxQueueSize = options.settings?.maxQueueSize ?? 1000
  if (options.log === undefined || options.log === 'durable') {
    let dir = options.dataDir
    if (!dir) {
      const temp = tempDir('lifeguard-replay-it-')
      dir = temp.dir
      closers.push(async () => temp.cleanup())
    }
    const store = await openQueueStore({ dataDir: dir })
    closers.push(() => store.close())
    log = await store.open(profileId, { maxQueueSize })
  } else log = options.log
  await options.prefill?.(log)
  const make = (queueLog: DurableQueueLog, settings: Partial<QueueSettings> | undefined) =>
    new WriteQueue({
      profileId,
      log: queueLog,
      acquire: () => session.acquire({ holder: 'write-queue' }),
      usable: () => usabilityOf(session.status()),
      clock: systemClock,
      backoff: fastBackoff,
      settings: { ...options.settings, ...settings },
      target: {
        host: target.host,
        port: target.port,
        database: options.database,
        user: target.user,
      },
      onEvent: (e) => events.push(e),
    })
  current = make(options.wrapLog ? options.wrapLog(log) : log, undefined)
  const queues = [current]
  return {
    session,
    get queue() {
      return current!
    },
    log,
    events,
    applicationName,
    reopenQueue(other, settings) {
      current = make(other ?? log, settings)
      queues.push(current)
      return current
    },
    async close() {
      // Every step runs even if an earlier one fails; the first failure is rethrown.
      const failures: unknown[] = []
      const steps = [...queues.map((q) => () => q.close()), ...closers.reverse()]
      for (const step of steps) await step().catch((error: unknown) => failures.push(error))
      if (failures.length > 0) throw failures[0]
    },
  }
}
