/**
 * (a) Acquire + release with a connection that does no I/O: the pool's own cost per cycle.
 *
 * Each (pool, borrowers) run is a fresh child process, so no pool runs with JIT feedback or
 * garbage left by another (a shared benchmark loop turns megamorphic after a few pools, which
 * would favour whichever pool runs first). Borrower counts are the outer loop, pools the inner,
 * so slow drift of the machine spreads over every pool.
 *
 * In the child, each borrower loops acquire -> release; a warm-up also calibrates how many
 * cycles fill the target time, then that fixed number of cycles is timed (no clock reads in the loop).
 */
import { spawn } from 'node:child_process'
import type { CreatePool, PoolAdapter } from './adapters/types'
import { fakeSource } from './adapters/fake-connection'
import { collectGarbage, Meter, round } from './lib/measure'
import { emit, progress } from './lib/output'
import { onCleanup, wasInterrupted } from './lib/cleanup'

export const NOIO_CHILD_FLAG = '--noio-child'
export const NOIO_BORROWERS = [1, 8, 64, 512]
const MAX = 10

export interface NoioResult {
  bench: 'noio'
  pool: string
  borrowers: number
  cyclesPerSec: number
  usPerCycle: number
  stealPct: number | null
  otherPct: number | null
}

async function cycles(adapter: PoolAdapter, borrowers: number, total: number): Promise<number> {
  const each = Math.max(1, Math.ceil(total / borrowers))
  const borrower = async () => {
    for (let i = 0; i < each; i++) adapter.release(await adapter.acquire())
  }
  const all: Promise<void>[] = []
  for (let b = 0; b < borrowers; b++) all.push(borrower())
  await Promise.all(all)
  return each * borrowers
}

/** The child's side: one pool, one borrower count; prints one result line. */
export async function runNoioChild(
  pool: string,
  create: CreatePool,
  borrowers: number,
  targetMs: number,
): Promise<void> {
  const adapter = await create(fakeSource, MAX)
  const close = onCleanup(`${pool} (no-I/O)`, () => adapter.close())
  try {
    // Warm-up and calibration: double until a batch takes at least a fifth of the target.
    let total = 1_000
    let ms = 0
    for (;;) {
      const t0 = performance.now()
      const done = await cycles(adapter, borrowers, total)
      ms = performance.now() - t0
      if (ms >= targetMs / 5 || total >= 20_000_000) {
        total = done
        break
      }
      total *= 2
    }
    const planned = Math.max(1_000, Math.round((total / ms) * targetMs))
    collectGarbage()
    const meter = new Meter()
    const done = await cycles(adapter, borrowers, planned)
    const m = meter.stop()
    emit({
      bench: 'noio',
      pool,
      borrowers,
      max: MAX,
      cycles: done,
      cyclesPerSec: Math.round(done / (m.elapsedMs / 1000)),
      usPerCycle: round((m.elapsedMs * 1000) / done, 4),
      cpuUsPerCycle: round(m.cpuUs / done, 4),
      stealPct: m.stealPct === null ? null : round(m.stealPct, 1),
      otherPct: m.otherPct === null ? null : round(m.otherPct, 1),
    })
  } finally {
    await close()
  }
}

/** Runs one child; resolves to the result line it printed. */
function spawnChild(
  pool: string,
  borrowers: number,
  targetMs: number,
  extraArgs: string[],
): Promise<NoioResult> {
  return new Promise((resolve, reject) => {
    const script = process.argv[1]!
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        script,
        NOIO_CHILD_FLAG,
        pool,
        String(borrowers),
        String(targetMs),
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const unregister = onCleanup(`no-I/O child ${child.pid}`, async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    })
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      void unregister()
      const line = out.trim().split('\n').pop() ?? ''
      try {
        const result = JSON.parse(line) as NoioResult
        if (code === 0 && result.bench === 'noio') return resolve(result)
      } catch {
        // reported below
      }
      reject(new Error(`child exited with ${signal ?? code}; output: ${out.trim().slice(0, 500)}`))
    })
  })
}

/** `extraArgs` go to every child after pool, borrowers and time (see pool-bench.ts). */
export async function runNoio(
  pools: string[],
  targetMs: number,
  extraArgs: string[] = [],
): Promise<NoioResult[]> {
  const results: NoioResult[] = []
  for (const borrowers of NOIO_BORROWERS) {
    for (const pool of pools) {
      if (wasInterrupted()) return results
      try {
        const result = await spawnChild(pool, borrowers, targetMs, extraArgs)
        emit(result)
        results.push(result)
        progress(
          `noio ${pool.padEnd(16)} borrowers ${String(borrowers).padStart(3)}: ${result.usPerCycle} us/cycle`,
        )
      } catch (error) {
        if (wasInterrupted()) return results
        emit({ bench: 'noio', pool, borrowers, error: String(error) })
        progress(`noio ${pool} borrowers ${borrowers} failed: ${String(error)}`)
      }
    }
  }
  return results
}
