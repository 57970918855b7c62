/**
 * Lifeguard pool benchmark (issue 3 item 10). Build and run with `node bench/run.mjs [--quick]`.
 *
 * stdout: one JSON object a line: {bench:'noio',...}, {bench:'select1',...}, and last
 * {"summary": {...}}. stderr: progress for people. Targets only 127.0.0.1 (its own embedded
 * PostgreSQL) and stops every pool, client and server it started, also on error and on signals.
 * Baselines and method: /work/shared/design/reference.md, "Performance baselines".
 */
import os from 'node:os'
import { createGenericPool } from './adapters/generic-pool'
import { createLifeguard } from './adapters/lifeguard'
import { createPgPool } from './adapters/pg-pool'
import { createTarn } from './adapters/tarn'
import type { CreatePool } from './adapters/types'
import type { PoolOptionsInput } from '../src/main/engine/pool/engine'
import { parseArgs } from './lib/args'
import { cleanupAll, installSignalHandlers, wasInterrupted } from './lib/cleanup'
import { median, round } from './lib/measure'
import { emit, progress } from './lib/output'
import { startServer } from './lib/server'
import { NOIO_CHILD_FLAG, runNoio, runNoioChild, type NoioResult } from './noio'
import {
  pgSource,
  runPairs,
  runSweep,
  type PoolEntry,
  type Round,
  type Select1Plan,
} from './select1'

const TARGETS = {
  select1_c50_vs_dedicated: 0.95,
  select1_c50_vs_pgpool: 1.0,
  overhead_vs_best: 1.0,
}

/**
 * The contenders. `lifeguardExtra` holds --lifeguard-options (what-if runs); by default every
 * pool runs with its own defaults and max 10. 'lifeguard-site-always' (no-I/O part only) is the
 * same pool capturing the acquire site on every acquire (leakSiteCapture 'always'), to show
 * what that costs (V8 walks the stack each time).
 */
function poolsWith(lifeguardExtra: PoolOptionsInput) {
  const lifeguard: CreatePool = (source, max) => createLifeguard(source, max, lifeguardExtra)
  const lifeguardSiteAlways: CreatePool = (source, max) =>
    createLifeguard(
      source,
      max,
      { ...lifeguardExtra, leakSiteCapture: 'always' },
      'lifeguard-site-always',
    )
  const pools: PoolEntry[] = [
    { pool: 'lifeguard', create: lifeguard },
    { pool: 'pgpool', create: createPgPool },
    { pool: 'tarn', create: createTarn },
    { pool: 'generic-pool', create: createGenericPool },
  ]
  return {
    pools,
    noioPools: [...pools, { pool: 'lifeguard-site-always', create: lifeguardSiteAlways }],
  }
}

function summarizeNoio(results: NoioResult[], maxStealPct: number, maxOtherPct: number) {
  const at64 = results.filter((r) => r.borrowers === 64)
  const ours = at64.find((r) => r.pool === 'lifeguard')
  const others = at64.filter((r) => !r.pool.startsWith('lifeguard'))
  if (!ours || others.length === 0)
    return { overhead_vs_best: null, overhead_best_other: null, overhead_reliable: null }
  const best = others.reduce((a, b) => (b.cyclesPerSec > a.cyclesPerSec ? b : a))
  const calm = (r: NoioResult) =>
    (r.stealPct === null || r.stealPct <= maxStealPct) &&
    (r.otherPct === null || r.otherPct <= maxOtherPct)
  return {
    overhead_vs_best: round(ours.cyclesPerSec / best.cyclesPerSec),
    overhead_best_other: best.pool,
    /** false: other processes or steal took CPU during one of the two runs compared. */
    overhead_reliable: calm(ours) && calm(best),
  }
}

/** Rounds disturbed by steal or by other processes are left out, as long as at least 3 remain. */
function summarizePairs(all: Round[], maxStealPct: number, maxOtherPct: number) {
  const calm = all.filter((r) =>
    [...r.values()].every(
      (x) =>
        (x.stealPct === null || x.stealPct <= maxStealPct) &&
        (x.otherPct === null || x.otherPct <= maxOtherPct),
    ),
  )
  const rounds = calm.length >= Math.min(3, all.length) ? calm : all
  const has = (key: string) => rounds.some((r) => r.has(key))
  const ratio = (a: string, b: string) => {
    const ratios = rounds
      .filter((r) => r.has(a) && r.has(b))
      .map((r) => r.get(a)!.qps / r.get(b)!.qps)
    return ratios.length > 0 ? round(median(ratios)) : null
  }
  const cpu = (key: string) => {
    const values = rounds.filter((r) => r.has(key)).map((r) => r.get(key)!.cpuUsPerQuery)
    return values.length > 0 ? round(median(values), 2) : null
  }
  // Like with like: our query() against pg.Pool.query if we have one, else lease against lease.
  const basis = has('lifeguard:query') ? 'query' : 'lease'
  const ours = `lifeguard:${basis}`
  return {
    select1_c50_vs_dedicated: ratio(ours, 'dedicated:round-robin'),
    select1_c50_vs_pgpool: ratio(ours, `pgpool:${basis}`),
    select1_c50_basis: basis,
    cpu_us_per_query_c50: {
      lifeguard: cpu(ours),
      pgpool: cpu(`pgpool:${basis}`),
      dedicated: cpu('dedicated:round-robin'),
    },
    select1_c50_detail: {
      lease_vs_pgpool_lease: ratio('lifeguard:lease', 'pgpool:lease'),
      lease_vs_pgpool_query: ratio('lifeguard:lease', 'pgpool:query'),
      lease_vs_dedicated: ratio('lifeguard:lease', 'dedicated:round-robin'),
      pgpool_query_vs_dedicated: ratio('pgpool:query', 'dedicated:round-robin'),
      pgpool_lease_vs_dedicated: ratio('pgpool:lease', 'dedicated:round-robin'),
      cpu_us_per_query_lifeguard_lease: cpu('lifeguard:lease'),
      cpu_us_per_query_pgpool_lease: cpu('pgpool:lease'),
    },
    rounds: {
      run: all.length,
      used: rounds.length,
      disturbed: all.length - calm.length,
      /** false: too few undisturbed rounds, so the medians include disturbed ones. */
      reliable: rounds === calm && calm.length > 0,
    },
  }
}

const atLeast = (value: number | null | undefined, target: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value >= target : null

async function main(): Promise<number> {
  const started = performance.now()
  const args = parseArgs(process.argv.slice(2))
  installSignalHandlers()
  const lifeguardExtra = args.lifeguardOptions as PoolOptionsInput
  const { pools, noioPools } = poolsWith(lifeguardExtra)
  if (Object.keys(lifeguardExtra).length > 0)
    progress(`Lifeguard's pool runs with extra options ${JSON.stringify(lifeguardExtra)}`)
  const plan: Select1Plan = args.quick
    ? { sweepWarmMs: 100, sweepMs: 200, pairWarmMs: 100, pairMs: 300, rounds: args.pairs }
    : { sweepWarmMs: 250, sweepMs: 1000, pairWarmMs: 250, pairMs: 1500, rounds: args.pairs }
  const noioMs = args.quick ? 150 : 1000
  // Rough: children start in ~0.25 s; the server in ~5 s; 6 SELECT 1 contenders, 4 per round.
  const estimateS =
    (args.noio ? noioPools.length * 4 * (noioMs * 1.3 + 250) : 0) / 1000 +
    (args.select1
      ? 5 +
        (6 * 4 * (plan.sweepWarmMs + plan.sweepMs) +
          plan.rounds * 4 * (plan.pairWarmMs + plan.pairMs)) /
          1000
      : 0)
  progress(
    `node ${process.version}, ${os.cpus().length} CPUs, ${args.quick ? 'quick' : 'full'} run, ` +
      `${plan.rounds} interleaved rounds, about ${Math.round(estimateS)} s` +
      (typeof globalThis.gc === 'function' ? '' : ' (no --expose-gc: no GC between runs)'),
  )

  let noio: NoioResult[] = []
  let rounds: Round[] = []
  let failure: unknown
  try {
    if (args.noio) {
      progress('part (a): acquire + release with a no-I/O connection, max 10')
      noio = await runNoio(
        noioPools.map((p) => p.pool),
        noioMs,
        [JSON.stringify(lifeguardExtra)],
      )
    }
    if (args.select1 && !wasInterrupted()) {
      progress('part (b): SELECT 1 against an embedded PostgreSQL on 127.0.0.1, max 10')
      const address = await startServer()
      progress(`server ready on ${address.host}:${address.port}`)
      const source = pgSource(address)
      await runSweep(source, pools, plan)
      if (!wasInterrupted()) rounds = await runPairs(source, pools[0]!, pools[1]!, plan)
    }
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
  if (wasInterrupted()) return 130

  const n = args.noio
    ? summarizeNoio(noio, args.maxStealPct, args.maxOtherPct)
    : { overhead_vs_best: null, overhead_best_other: null, overhead_reliable: null }
  const s = args.select1 ? summarizePairs(rounds, args.maxStealPct, args.maxOtherPct) : undefined
  const pass = {
    select1_c50_vs_dedicated: atLeast(
      s?.select1_c50_vs_dedicated,
      TARGETS.select1_c50_vs_dedicated,
    ),
    select1_c50_vs_pgpool: atLeast(s?.select1_c50_vs_pgpool, TARGETS.select1_c50_vs_pgpool),
    overhead_vs_best: atLeast(n.overhead_vs_best, TARGETS.overhead_vs_best),
  }
  const verdicts = Object.values(pass)
  emit({
    summary: {
      select1_c50_vs_dedicated: s?.select1_c50_vs_dedicated ?? null,
      select1_c50_vs_pgpool: s?.select1_c50_vs_pgpool ?? null,
      cpu_us_per_query_c50: s?.cpu_us_per_query_c50 ?? null,
      overhead_vs_best: n.overhead_vs_best,
      targets: TARGETS,
      pass: {
        ...pass,
        all: verdicts.includes(false) ? false : verdicts.includes(null) ? null : true,
      },
      select1_c50_basis: s?.select1_c50_basis ?? null,
      select1_c50_detail: s?.select1_c50_detail ?? null,
      overhead_best_other: n.overhead_best_other,
      overhead_reliable: n.overhead_reliable,
      rounds: s?.rounds ?? null,
      quick: args.quick,
      lifeguardOptions: lifeguardExtra,
      node: process.version,
      cpus: os.cpus().length,
      elapsedS: round((performance.now() - started) / 1000, 1),
      ...(failure === undefined ? {} : { error: String(failure) }),
    },
  })
  progress(`done in ${round((performance.now() - started) / 1000, 1)} s`)
  return failure === undefined ? 0 : 1
}

/** `pool-bench --noio-child POOL BORROWERS MS`: one no-I/O run in a fresh process (see noio.ts). */
async function noioChild([pool, borrowers, ms, extra]: string[]): Promise<number> {
  installSignalHandlers()
  const { noioPools } = poolsWith(JSON.parse(extra ?? '{}') as PoolOptionsInput)
  const entry = noioPools.find((p) => p.pool === pool)
  if (!entry) throw new Error(`unknown pool ${String(pool)}`)
  try {
    await runNoioChild(entry.pool, entry.create, Number(borrowers), Number(ms))
  } finally {
    await cleanupAll()
  }
  return 0
}

const argv = process.argv.slice(2)
;(argv[0] === NOIO_CHILD_FLAG ? noioChild(argv.slice(1)) : main()).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    progress(`failed: ${String(error)}`)
    await cleanupAll()
    process.exit(1)
  },
)
