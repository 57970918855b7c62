/**
 * The replay half of `npm run bench:queue` (issue 5 item 8): replay throughput of the write queue
 * into the embedded PostgreSQL against a plain loop of the same INSERTs on one connection
 * (autocommit, one after another), in interleaved rounds so the machine's noise hits both.
 *
 * Replay: N operations (each an INSERT of a small row with bound parameters) are put in a fresh
 * durable log first (not timed: that is the enqueue half), then a WriteQueue with the exactly-once
 * table on replays them through a ProfileSession's pool (so through its circuit breaker), timed
 * from the queue's creation to the log being empty. The log is the real durable one
 * (queue/storage, with its fsyncs) unless `log: 'memory'` (the test double) is asked for.
 *
 * runReplayBench() returns the JSON lines (one per run) and the summary figures; bench/queue/queue-bench.ts
 * prints them. Everything it starts is stopped through bench/lib/cleanup.
 */
import os from 'node:os'
import pg from 'pg'
import { systemClock } from '../../src/main/engine/core/clock'
import { resolveHealthSettings } from '../../src/main/engine/health/health-settings'
import { ProfileSession } from '../../src/main/engine/monitor/profile-session'
import type { DurableQueueLog, QueueStore } from '../../src/main/engine/queue/queue-log-types'
import { openQueueStore } from '../../src/main/engine/queue/storage'
import { usabilityOf } from '../../src/main/engine/queue/usability'
import { WriteQueue } from '../../src/main/engine/queue/write-queue'
import type { EmbeddedServerAddress } from '../../src/main/engine/demo/embedded-server'
import { MemoryQueueLog } from '../../test/helpers/memory-queue-log'
import { onCleanup } from '../lib/cleanup'
import { median, Meter, round } from '../lib/measure'

export const REPLAY_TARGET_RATIO = 0.8

export interface ReplayBenchOptions {
  address: EmbeddedServerAddress
  /** Interleaved rounds; each runs the plain loop and the replay once (order alternating). */
  rounds: number
  /** INSERTs per run. */
  ops: number
  log: 'durable' | 'memory'
  batchSize: number
  /** Where the durable logs go (a temp folder of the caller's). */
  dataDir: string
  progress(message: string): void
}

export interface ReplayRun {
  bench: 'queue-replay'
  round: number
  kind: 'plain_insert' | 'replay'
  ops: number
  ms: number
  per_s: number
  cpu_ms: number
  steal_pct: number | null
  other_cpu_pct: number | null
}

const TABLE = 'lifeguard_bench_items'
const INSERT = `INSERT INTO ${TABLE} (round, v, note) VALUES ($1, $2, $3)`

export async function runReplayBench(options: ReplayBenchOptions) {
  const { address } = options
  const admin = new pg.Client({ ...address, application_name: 'lifeguard-bench-admin' })
  await admin.connect()
  const stopAdmin = onCleanup('bench admin connection', () => admin.end())
  await admin.query(
    `DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (id bigserial PRIMARY KEY, round int NOT NULL, v int NOT NULL, note text NOT NULL)`,
  )
  const session = new ProfileSession('bench-replay', {
    clock: systemClock,
    health: resolveHealthSettings(),
    onStatus: () => current?.healthChanged(),
    onStats: () => undefined,
    onAttempt: () => undefined,
    observeSessions: false,
  })
  let current: WriteQueue | undefined
  const stopSession = onCleanup('bench profile session', () => session.disconnect())
  await session.connect(
    {
      host: address.host,
      port: address.port,
      database: address.database,
      user: address.user,
      password: address.password,
      sslmode: 'disable',
      applicationName: 'lifeguard-bench-replay',
      connectTimeoutMs: 10_000,
      queryTimeoutMs: 30_000,
    },
    { max: 5, min: 1, acquireTimeoutMs: 30_000, partitions: { monitor: 1, health: 1 } },
  )
  let store: QueueStore | undefined
  if (options.log === 'durable') {
    store = await openQueueStore({ dataDir: options.dataDir })
    onCleanup('bench queue store', () => store!.close())
  }
  const plainClient = new pg.Client({ ...address, application_name: 'lifeguard-bench-plain' })
  await plainClient.connect()
  const stopPlain = onCleanup('bench plain connection', () => plainClient.end())

  const runs: ReplayRun[] = []
  const record = (roundNo: number, kind: ReplayRun['kind'], meter: Meter) => {
    const m = meter.stop()
    const run: ReplayRun = {
      bench: 'queue-replay',
      round: roundNo,
      kind,
      ops: options.ops,
      ms: round(m.elapsedMs, 1),
      per_s: round((options.ops * 1000) / m.elapsedMs, 1),
      cpu_ms: round(m.cpuUs / 1000, 1),
      steal_pct: m.stealPct === null ? null : round(m.stealPct, 1),
      other_cpu_pct: m.otherPct === null ? null : round(m.otherPct, 1),
    }
    runs.push(run)
    return run
  }

  const plain = async (roundNo: number) => {
    const meter = new Meter()
    for (let i = 0; i < options.ops; i++)
      await plainClient.query(INSERT, [roundNo, i, `plain ${i}`])
    return record(roundNo, 'plain_insert', meter)
  }

  const replay = async (roundNo: number) => {
    const profileId = `bench-r${roundNo}`
    const log: DurableQueueLog = store
      ? await store.open(profileId, { maxQueueSize: options.ops })
      : new MemoryQueueLog(profileId, { maxQueueSize: options.ops })
    const enqueues: Promise<unknown>[] = []
    for (let i = 0; i < options.ops; i++)
      enqueues.push(
        log.enqueue({
          id: `bench-${roundNo}-${i}`,
          kind: 'statement',
          payload: { sql: INSERT, params: [-roundNo, i, `replay ${i}`] },
          enqueuedAt: Date.now(),
        }),
      )
    await Promise.all(enqueues)
    const meter = new Meter()
    const queue = new WriteQueue({
      profileId,
      log,
      acquire: () => session.acquire({ holder: 'write-queue' }),
      usable: () => usabilityOf(session.status()),
      clock: systemClock,
      settings: { exactlyOnce: true, batchSize: options.batchSize, maxQueueSize: options.ops },
      target: {
        host: address.host,
        port: address.port,
        database: address.database,
        user: address.user,
      },
    })
    current = queue
    await queue.settled()
    const run = record(roundNo, 'replay', meter)
    const status = queue.status()
    await queue.close()
    current = undefined
    if (status.depth !== 0 || status.applied !== options.ops)
      throw new Error(`replay did not drain: ${JSON.stringify(status)}`)
    await log.close()
    return run
  }

  // The exactly-once table exists before the rounds (created on "consent" once).
  const setup = new WriteQueue({
    profileId: 'bench-setup',
    log: new MemoryQueueLog('bench-setup', { maxQueueSize: 1 }),
    acquire: () => session.acquire({ holder: 'write-queue' }),
    usable: () => usabilityOf(session.status()),
    clock: systemClock,
    target: {
      host: address.host,
      port: address.port,
      database: address.database,
      user: address.user,
    },
  })
  await setup.setExactlyOnce(true)
  await setup.close()

  try {
    for (let r = 1; r <= options.rounds; r++) {
      await admin.query(`TRUNCATE ${TABLE}; TRUNCATE lifeguard.applied_operations`)
      await admin.query('CHECKPOINT')
      const order = r % 2 === 1 ? [plain, replay] : [replay, plain]
      const results = []
      for (const run of order) results.push(await run(r))
      const byKind = Object.fromEntries(results.map((x) => [x.kind, x.per_s]))
      options.progress(
        `round ${r}: plain ${byKind['plain_insert']} /s, replay ${byKind['replay']} /s ` +
          `(ratio ${round((byKind['replay'] ?? 0) / (byKind['plain_insert'] ?? 1), 2)})`,
      )
    }
  } finally {
    await stopPlain()
    await stopSession()
    await stopAdmin()
  }
  return { runs, summary: summarizeReplay(runs, options) }
}

export function summarizeReplay(
  runs: ReplayRun[],
  options: Pick<ReplayBenchOptions, 'log' | 'ops' | 'rounds' | 'batchSize'>,
) {
  const ofKind = (kind: ReplayRun['kind']) => runs.filter((r) => r.kind === kind)
  const ratios: number[] = []
  for (const r of ofKind('replay')) {
    const partner = runs.find((p) => p.kind === 'plain_insert' && p.round === r.round)
    if (partner) ratios.push(r.per_s / partner.per_s)
  }
  const ratio = ratios.length ? round(median(ratios), 3) : null
  return {
    replay_per_s: round(median(ofKind('replay').map((r) => r.per_s)), 1),
    plain_insert_per_s: round(median(ofKind('plain_insert').map((r) => r.per_s)), 1),
    /** Median of the per-round ratios (each round's replay over the same round's plain loop). */
    replay_vs_plain_insert: ratio,
    replay_vs_plain_insert_rounds: ratios.map((x) => round(x, 3)),
    target_replay_vs_plain_insert: REPLAY_TARGET_RATIO,
    meets_target: ratio !== null && ratio >= REPLAY_TARGET_RATIO,
    log:
      options.log === 'durable'
        ? 'durable (queue/storage, fsync)'
        : 'memory (test double, NOT durable)',
    exactly_once: true,
    batch_size: options.batchSize,
    ops_per_run: options.ops,
    rounds: options.rounds,
    method: {
      plain_insert: 'one pg.Client, autocommit, the INSERTs one after another',
      replay:
        'ops put in a fresh log first (not timed), then WriteQueue creation -> log empty; through a ProfileSession pool, exactly-once table on',
      interleaved:
        'each round runs both, order alternating; both tables truncated and CHECKPOINT before each round',
    },
    node: process.version,
    cpus: os.cpus().length,
  }
}
