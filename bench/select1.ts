/**
 * (b) `SELECT 1` through each pool against the embedded server: a sweep over concurrency, then
 * interleaved rounds at concurrency 50 (Lifeguard, pg.Pool, dedicated clients, ...), from which
 * the summary takes medians of per-round ratios.
 */
import pg from 'pg'
import type { EmbeddedServerAddress } from '../src/main/engine/demo/embedded-server'
import type { BenchConnection, ConnectionSource, CreatePool, PoolAdapter } from './adapters/types'
import { collectGarbage, Meter, percentile, round } from './lib/measure'
import { emit, progress } from './lib/output'
import { onCleanup, wasInterrupted } from './lib/cleanup'

export const SELECT1_CONCURRENCY = [1, 10, 50, 200]
export const PAIR_CONCURRENCY = 50
const MAX = 10
const SQL = 'SELECT 1'
const ignore = () => undefined

export type Mode = 'query' | 'lease' | 'round-robin'

export interface RunResult {
  pool: string
  mode: Mode
  concurrency: number
  qps: number
  cpuUsPerQuery: number
  stealPct: number | null
  otherPct: number | null
}

interface Contender {
  pool: string
  mode: Mode
  op: () => Promise<unknown>
}

export interface Select1Plan {
  sweepWarmMs: number
  sweepMs: number
  pairWarmMs: number
  pairMs: number
  rounds: number
}

export interface PoolEntry {
  pool: string
  create: CreatePool
}

export function pgSource(address: EmbeddedServerAddress): ConnectionSource {
  const clientConfig = {
    host: address.host,
    port: address.port,
    user: address.user,
    password: address.password,
    database: address.database,
  }
  return {
    clientConfig,
    Client: pg.Client as unknown as ConnectionSource['Client'],
    async connect() {
      const client = new pg.Client(clientConfig)
      client.on('error', ignore)
      await client.connect()
      return client as unknown as BenchConnection
    },
    close: (connection) => connection.end(),
  }
}

/**
 * The no-pool limit: N clients, queries dealt out round-robin, each client running one query at a
 * time. A query dealt to a busy client waits in that client's own FIFO (pg.Client's internal
 * queue would do the same, but queuing on it is deprecated in pg 8 and goes away in pg 9).
 */
async function createDedicated(source: ConnectionSource, n: number) {
  const clients = await Promise.all(Array.from({ length: n }, () => source.connect()))
  const busy = clients.map(() => false)
  const waiting = clients.map((): (() => void)[] => [])
  const done = (k: number) => {
    const wake = waiting[k]!.shift()
    if (wake) wake()
    else busy[k] = false
  }
  const run = (k: number) => {
    const q = clients[k]!.query(SQL)
    q.then(
      () => done(k),
      () => done(k),
    )
    return q
  }
  let next = 0
  const contender: Contender = {
    pool: 'dedicated',
    mode: 'round-robin',
    op: () => {
      const k = next
      next = next + 1 === n ? 0 : next + 1
      if (!busy[k]) {
        busy[k] = true
        return run(k)
      }
      return new Promise<void>((wake) => waiting[k]!.push(wake)).then(() => run(k))
    },
  }
  return { contender, close: () => Promise.all(clients.map((c) => c.end())) }
}

function contendersOf(adapter: PoolAdapter): Contender[] {
  const out: Contender[] = []
  const query = adapter.query
  if (query) out.push({ pool: adapter.pool, mode: 'query', op: () => query(SQL) })
  out.push({
    pool: adapter.pool,
    mode: 'lease',
    op: async () => {
      const handle = await adapter.acquire()
      try {
        return await adapter.connection(handle).query(SQL)
      } finally {
        adapter.release(handle)
      }
    },
  })
  return out
}

/** Runs `concurrency` callers in a loop for `ms`; every call is timed. Stops all callers on the first error. */
async function drive(op: () => Promise<unknown>, concurrency: number, ms: number) {
  const latencies: number[] = []
  let deadline = performance.now() + ms
  let failure: unknown
  const caller = async () => {
    let t = performance.now()
    while (t < deadline) {
      try {
        await op()
      } catch (error) {
        failure ??= error
        deadline = 0
        return
      }
      const t1 = performance.now()
      latencies.push(t1 - t)
      t = t1
    }
  }
  const meter = new Meter()
  const callers: Promise<void>[] = []
  for (let i = 0; i < concurrency; i++) callers.push(caller())
  await Promise.all(callers)
  const m = meter.stop()
  if (failure !== undefined) throw failure
  return { ...m, latencies }
}

async function measure(
  c: Contender,
  concurrency: number,
  warmMs: number,
  ms: number,
  extra: object,
): Promise<RunResult> {
  await drive(c.op, concurrency, warmMs)
  collectGarbage()
  const m = await drive(c.op, concurrency, ms)
  const n = m.latencies.length
  const sorted = Float64Array.from(m.latencies).sort()
  const result: RunResult = {
    pool: c.pool,
    mode: c.mode,
    concurrency,
    qps: Math.round(n / (m.elapsedMs / 1000)),
    cpuUsPerQuery: round(m.cpuUs / n, 2),
    stealPct: m.stealPct === null ? null : round(m.stealPct, 1),
    otherPct: m.otherPct === null ? null : round(m.otherPct, 1),
  }
  emit({
    bench: 'select1',
    ...result,
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    queries: n,
    max: MAX,
    ...extra,
  })
  progress(
    `select1 ${`${c.pool}:${c.mode}`.padEnd(24)} c=${String(concurrency).padStart(3)}: ${result.qps} q/s, ${result.cpuUsPerQuery} us CPU/query`,
  )
  return result
}

async function open(entry: PoolEntry, source: ConnectionSource) {
  try {
    const adapter = await entry.create(source, MAX)
    return { adapter, close: onCleanup(`${entry.pool} (SELECT 1)`, () => adapter.close()) }
  } catch (error) {
    emit({
      bench: 'select1',
      pool: entry.pool,
      error: `could not create the pool: ${String(error)}`,
    })
    progress(`select1 ${entry.pool}: could not create the pool: ${String(error)}`)
    return undefined
  }
}

async function openDedicated(source: ConnectionSource) {
  const d = await createDedicated(source, MAX)
  return { contender: d.contender, close: onCleanup('dedicated clients', d.close) }
}

/** Every pool and mode at every concurrency, one pool at a time. */
export async function runSweep(source: ConnectionSource, pools: PoolEntry[], plan: Select1Plan) {
  const groups: (() => Promise<
    { contenders: Contender[]; close: () => Promise<void> } | undefined
  >)[] = [
    ...pools.map((entry) => async () => {
      const opened = await open(entry, source)
      return opened && { contenders: contendersOf(opened.adapter), close: opened.close }
    }),
    async () => {
      const d = await openDedicated(source)
      return { contenders: [d.contender], close: d.close }
    },
  ]
  for (const openGroup of groups) {
    if (wasInterrupted()) return
    const group = await openGroup()
    if (!group) continue
    try {
      for (const concurrency of SELECT1_CONCURRENCY)
        for (const c of group.contenders) {
          if (wasInterrupted()) return
          try {
            await measure(c, concurrency, plan.sweepWarmMs, plan.sweepMs, { phase: 'sweep' })
          } catch (error) {
            emit({
              bench: 'select1',
              pool: c.pool,
              mode: c.mode,
              concurrency,
              error: String(error),
            })
            progress(`select1 ${c.pool}:${c.mode} c=${concurrency} failed: ${String(error)}`)
          }
        }
    } finally {
      await group.close()
    }
  }
}

/** Keys like 'lifeguard:query' -> that contender's result, one map per round. */
export type Round = Map<string, RunResult>

/**
 * Interleaved rounds at concurrency 50: ours, pg.Pool, dedicated (then the other modes), again
 * and again, all pools kept open throughout so each run differs only in the pool.
 */
export async function runPairs(
  source: ConnectionSource,
  lifeguard: PoolEntry,
  pgPool: PoolEntry,
  plan: Select1Plan,
): Promise<Round[]> {
  const closers: (() => Promise<unknown>)[] = []
  const rounds: Round[] = []
  try {
    const ours = await open(lifeguard, source)
    if (ours) closers.push(ours.close)
    const theirs = await open(pgPool, source)
    if (theirs) closers.push(theirs.close)
    const dedicated = await openDedicated(source)
    closers.push(dedicated.close)
    const [ourFirst, ...ourRest] = ours ? contendersOf(ours.adapter) : []
    const [theirFirst, ...theirRest] = theirs ? contendersOf(theirs.adapter) : []
    const order = [ourFirst, theirFirst, dedicated.contender, ...ourRest, ...theirRest].filter(
      (c): c is Contender => c !== undefined,
    )
    progress(
      `interleaving at c=${PAIR_CONCURRENCY}: ${order.map((c) => `${c.pool}:${c.mode}`).join(', ')} x ${plan.rounds} rounds`,
    )
    for (let r = 0; r < plan.rounds; r++) {
      const round: Round = new Map()
      for (const c of order) {
        if (wasInterrupted()) return rounds
        try {
          const result = await measure(c, PAIR_CONCURRENCY, plan.pairWarmMs, plan.pairMs, {
            phase: 'pair',
            round: r + 1,
          })
          round.set(`${c.pool}:${c.mode}`, result)
        } catch (error) {
          if (wasInterrupted()) return rounds
          emit({
            bench: 'select1',
            pool: c.pool,
            mode: c.mode,
            concurrency: PAIR_CONCURRENCY,
            phase: 'pair',
            round: r + 1,
            error: String(error),
          })
          progress(`select1 ${c.pool}:${c.mode} round ${r + 1} failed: ${String(error)}`)
        }
      }
      rounds.push(round)
    }
    return rounds
  } finally {
    for (const close of closers.reverse()) await close().catch(ignore)
  }
}
