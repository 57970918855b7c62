/**
 * Runs the enqueue half of the queue benchmark on its own (the lead's bench:queue entry combines
 * it with the replay half). Build and run: `node bench/queue/lib-enqueue-run.mjs [options]`.
 * stdout: one JSON line per run, last `{"summary": {...}}`; stderr: progress.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cleanupAll, installSignalHandlers, onCleanup, wasInterrupted } from '../lib/cleanup'
import { emit } from '../lib/output'
import { runEnqueueBench } from './enqueue-bench'

const usage = `usage: enqueue-bench [--quick] [--rounds N] [--ops N] [--ops-concurrent N] [--dir DIR]
  --quick             2 rounds of 300 / 3000 operations (a smoke run)
  --rounds N          interleaved rounds (default 5)
  --ops N             operations per run for 1 producer and the baseline (default 2000)
  --ops-concurrent N  operations per run for 64 producers (default 20000)
  --dir DIR           where to write (default: the system temp folder; use the disk you care about)`

function parse(argv: string[]) {
  const args = { rounds: 5, opsSerial: 2000, opsConcurrent: 20_000, dir: os.tmpdir() }
  const num = (v: string | undefined, name: string, least: number, most: number) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < least || n > most)
      throw new Error(`${name} must be ${least}..${most}\n${usage}`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') Object.assign(args, { rounds: 2, opsSerial: 300, opsConcurrent: 3000 })
    else if (a === '--rounds') args.rounds = num(argv[++i], a, 1, 100)
    else if (a === '--ops') args.opsSerial = num(argv[++i], a, 1, 1_000_000)
    else if (a === '--ops-concurrent') args.opsConcurrent = num(argv[++i], a, 64, 10_000_000)
    else if (a === '--dir') {
      const v = argv[++i]
      if (!v) throw new Error(`--dir needs a folder\n${usage}`)
      args.dir = v
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(usage + '\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${String(a)}\n${usage}`)
  }
  return args
}

const progress = (message: string) => process.stderr.write(`[enqueue-bench] ${message}\n`)

async function main(): Promise<number> {
  const started = performance.now()
  const args = parse(process.argv.slice(2))
  installSignalHandlers()
  const dataDir = fs.mkdtempSync(path.join(args.dir, 'lifeguard-enqueue-bench-'))
  onCleanup('bench folder', async () => fs.rmSync(dataDir, { recursive: true, force: true }))
  let failure: unknown
  try {
    progress(
      `${args.rounds} rounds in ${dataDir}; node ${process.version}, ${os.cpus().length} CPUs`,
    )
    const result = await runEnqueueBench({ ...args, dataDir, progress })
    for (const run of result.runs) emit(run)
    emit({
      summary: {
        ...result.summary,
        elapsedS: Math.round((performance.now() - started) / 100) / 10,
      },
    })
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
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
