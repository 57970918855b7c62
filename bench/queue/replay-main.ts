/**
 * Runs the replay half of the queue benchmark on its own (the lead's bench:queue entry combines it
 * with the enqueue half). Build and run: `node bench/queue/run-replay.mjs [options]`.
 * stdout: one JSON line per run, last `{"summary": {...}}`; stderr: progress.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cleanupAll, installSignalHandlers, onCleanup, wasInterrupted } from '../lib/cleanup'
import { emit } from '../lib/output'
import { startBenchServer } from '../lib/server'
import { runReplayBench } from './replay-bench'

const usage = `usage: replay-bench [--quick] [--rounds N] [--ops N] [--log durable|memory] [--batch-size N]
  --quick         2 rounds of 500 operations (a smoke run)
  --rounds N      interleaved rounds (default 6)
  --ops N         INSERTs per run (default 3000)
  --log KIND      durable: the real log with its fsyncs (default); memory: the test double
  --batch-size N  operations per replay transaction (default: the queue's default, 100)`

function parse(argv: string[]) {
  const args = { rounds: 6, ops: 3000, log: 'durable' as 'durable' | 'memory', batchSize: 100 }
  const num = (v: string | undefined, name: string, least: number, most: number) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < least || n > most)
      throw new Error(`${name} must be ${least}..${most}\n${usage}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') Object.assign(args, { rounds: 2, ops: 500 })
    else if (a === '--rounds') args.rounds = num(argv[++i], a, 1, 100)
    else if (a === '--ops') args.ops = num(argv[++i], a, 1, 1_000_000)
    else if (a === '--batch-size') args.batchSize = num(argv[++i], a, 1, 10_000)
    else if (a === '--log') {
      const v = argv[++i]
      if (v !== 'durable' && v !== 'memory')
        throw new Error(`--log takes durable or memory\n${usage}`)
      args.log = v
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  return args
}

const progress = (message: string) => process.stderr.write(`[replay-bench] ${message}\n`)

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2))
  installSignalHandlers()
  const started = performance.now()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-replay-bench-'))
  onCleanup('bench data dir', async () => fs.rmSync(dataDir, { recursive: true, force: true }))
  let failure: unknown
  try {
    const bench = await startBenchServer()
    progress(
      `server on ${bench.address.host}:${bench.address.port}; ${args.rounds} rounds of ${args.ops} ops, log ${args.log}`,
    )
    const result = await runReplayBench({ ...args, address: bench.address, dataDir, progress })
    for (const run of result.runs) emit(run)
    emit({ summary: { ...result.summary, elapsedS: round1((performance.now() - started) / 1000) } })
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
  if (wasInterrupted()) return 130
  return failure === undefined ? 0 : 1
}

const round1 = (x: number) => Math.round(x * 10) / 10

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    progress(`failed: ${String(error)}`)
    process.exitCode = 1
  },
)
