/**
 * npm run bench:queue: the durable write queue's benchmark (issue 5, item 8). Two halves, one run:
 * - enqueue: durable enqueues per second with 1 and with 64 concurrent producers (group commit),
 *   against one write + fsync per operation on a plain file (`enqueue_c64_vs_fsync_each`, target >= 10);
 * - replay: replay throughput into an embedded PostgreSQL (exactly-once table on, the real durable
 *   log) against a plain loop of the same INSERTs on one connection (`replay_vs_plain_insert`,
 *   target >= 0.8).
 * stdout: one JSON line per run, last `{"summary": {...}}`; stderr: progress.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cleanupAll, installSignalHandlers, onCleanup, wasInterrupted } from '../lib/cleanup'
import { emit } from '../lib/output'
import { startBenchServer } from '../lib/server'
import { ENQUEUE_TARGET_RATIO, runEnqueueBench } from './enqueue-bench'
import { REPLAY_TARGET_RATIO, runReplayBench } from './replay-bench'

const usage = `usage: bench:queue [--quick] [--only enqueue|replay] [--rounds N] [--dir DIR] [--log durable|memory] [--batch-size N]
  --quick          a smoke run (2 rounds, few operations)
  --only HALF      run only the enqueue or the replay half
  --rounds N       interleaved rounds of each half (default 5 enqueue, 6 replay)
  --dir DIR        where the enqueue half writes (default: the system temp folder)
  --log KIND       replay half: durable (the real log, default) or memory (the test double)
  --batch-size N   replay half: operations per replay transaction (default 100)`

interface Args {
  quick: boolean
  only: 'enqueue' | 'replay' | null
  rounds: number | null
  dir: string
  log: 'durable' | 'memory'
  batchSize: number
}

function parse(argv: string[]): Args {
  const args: Args = {
    quick: false,
    only: null,
    rounds: null,
    dir: os.tmpdir(),
    log: 'durable',
    batchSize: 100,
  }
  const num = (v: string | undefined, name: string, least: number, most: number) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < least || n > most)
      throw new Error(`${name} must be ${least}..${most}\n${usage}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value\n${usage}`)
      return v
    }
    if (a === '--quick') args.quick = true
    else if (a === '--rounds') args.rounds = num(argv[++i], a, 1, 100)
    else if (a === '--batch-size') args.batchSize = num(argv[++i], a, 1, 10_000)
    else if (a === '--dir') args.dir = value()
    else if (a === '--only') {
      const v = value()
      if (v !== 'enqueue' && v !== 'replay') throw new Error(`--only takes enqueue or replay`)
      args.only = v
    } else if (a === '--log') {
      const v = value()
      if (v !== 'durable' && v !== 'memory') throw new Error(`--log takes durable or memory`)
      args.log = v
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  return args
}

const progress = (message: string) => process.stderr.write(`[bench:queue] ${message}\n`)
const round1 = (x: number) => Math.round(x * 10) / 10

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2))
  installSignalHandlers()
  const started = performance.now()
  const root = fs.mkdtempSync(path.join(args.dir, 'lifeguard-queue-bench-'))
  onCleanup('bench folder', async () => fs.rmSync(root, { recursive: true, force: true }))
  let failure: unknown
  const summary: Record<string, unknown> = {}
  try {
    progress(
      `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(2)}`,
    )
    if (args.only !== 'replay') {
      const dataDir = fs.mkdtempSync(path.join(root, 'enqueue-'))
      const sizes = args.quick
        ? { rounds: 2, opsSerial: 300, opsConcurrent: 3000 }
        : { rounds: 5, opsSerial: 2000, opsConcurrent: 20_000 }
      const result = await runEnqueueBench({
        ...sizes,
        rounds: args.rounds ?? sizes.rounds,
        dataDir,
        progress,
      })
      for (const run of result.runs) emit(run)
      summary['enqueue'] = result.summary
    }
    if (args.only !== 'enqueue') {
      const bench = await startBenchServer()
      const dataDir = fs.mkdtempSync(path.join(root, 'replay-'))
      const sizes = args.quick ? { rounds: 2, ops: 500 } : { rounds: 6, ops: 3000 }
      const result = await runReplayBench({
        ops: sizes.ops,
        rounds: args.rounds ?? sizes.rounds,
        log: args.log,
        batchSize: args.batchSize,
        address: bench.address,
        dataDir,
        progress,
      })
      for (const run of result.runs) emit(run)
      summary['replay'] = result.summary
    }
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
  const enqueue = summary['enqueue'] as { enqueue_c64_vs_fsync_each: number | null } | undefined
  const replay = summary['replay'] as { replay_vs_plain_insert: number | null } | undefined
  const enqueueRatio = enqueue?.enqueue_c64_vs_fsync_each ?? null
  const replayRatio = replay?.replay_vs_plain_insert ?? null
  emit({
    summary: {
      enqueue_c64_vs_fsync_each: enqueueRatio,
      replay_vs_plain_insert: replayRatio,
      targets: {
        enqueue_c64_vs_fsync_each: ENQUEUE_TARGET_RATIO,
        replay_vs_plain_insert: REPLAY_TARGET_RATIO,
      },
      pass:
        failure === undefined &&
        (args.only === 'replay' ||
          (enqueueRatio !== null && enqueueRatio >= ENQUEUE_TARGET_RATIO)) &&
        (args.only === 'enqueue' || (replayRatio !== null && replayRatio >= REPLAY_TARGET_RATIO)),
      ...summary,
      elapsedS: round1((performance.now() - started) / 1000),
    },
  })
  if (wasInterrupted()) return 130
  return failure === undefined ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    progress(`failed: ${String(error)}`)
    process.exitCode = 1
  },
)
