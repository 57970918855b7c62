/**
 * The enqueue half of `npm run bench:queue` (issue 5 item 8): durable enqueues per second into the
 * real queue log (queue/storage: acknowledged after fsync, group commit) with 1 producer and with
 * 64 concurrent producers, against a plain baseline in the same run: one write + fsync per
 * operation on a plain file (fs.writeSync + fs.fsyncSync, the fastest way to do it from Node), of
 * exactly the bytes the log writes for the same operations. Rounds are interleaved (the order of
 * the three alternates) so the machine's noise hits all of them; each run uses a fresh folder.
 *
 * runEnqueueBench() returns the JSON lines (one per run) and the summary figures; the caller prints
 * them (bench/queue/queue-bench.ts, `npm run bench:queue`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { NewOperation } from '../../src/main/engine/queue/queue-log-types'
import {
  nodeFileLayer,
  openQueueStore,
  payloadHash,
  type FileLayer,
} from '../../src/main/engine/queue/storage'
import { encodeRecord } from '../../src/main/engine/queue/storage/record-format'
import { median, Meter, round } from '../lib/measure'

export const ENQUEUE_TARGET_RATIO = 10

export interface EnqueueBenchOptions {
  /** Interleaved rounds; each runs the baseline, 1 producer and 64 producers once. */
  rounds: number
  /** Operations per run with 1 producer and for the baseline. */
  opsSerial: number
  /** Operations per run with 64 producers. */
  opsConcurrent: number
  /** Where the runs write (a temp folder of the caller's, on the disk being measured). */
  dataDir: string
  progress(message: string): void
}

export type EnqueueKind = 'fsync_each' | 'enqueue_c1' | 'enqueue_c64'

export interface EnqueueRun {
  bench: 'queue-enqueue'
  round: number
  kind: EnqueueKind
  producers: number
  ops: number
  ms: number
  per_s: number
  /** fsyncs of the data file during the run (the log's: one per group). */
  fsyncs: number
  ops_per_fsync: number
  cpu_us_per_op: number
  steal_pct: number | null
  other_cpu_pct: number | null
}

/** A history-snapshot-like INSERT (what the queue mostly holds): about 330 bytes a record. */
export function benchOperation(i: number): NewOperation {
  return {
    id: `bench-${i}`,
    kind: 'history-snapshot',
    payload: {
      sql:
        'INSERT INTO lifeguard.pool_samples (profile_id, sampled_at, total, active, idle, waiting) ' +
        'VALUES ($1, $2, $3, $4, $5, $6)',
      params: [
        'b6f0c2d4-local-demo',
        1_767_225_600_000 + i * 10_000,
        10,
        i % 10,
        10 - (i % 10),
        i % 3,
      ],
    },
    enqueuedAt: 1_767_225_600_000 + i * 10_000,
  }
}

/** The line the log writes for operation i (what the baseline writes too). */
function lineOf(i: number): Buffer {
  const op = benchOperation(i)
  return encodeRecord(i + 1, {
    t: 'enqueue',
    d: { ...op, payloadHash: payloadHash(op.kind, op.payload) },
  })
}

/** Counts the fsyncs of files (not directories) through it. */
function countingLayer(inner: FileLayer, counter: { syncs: number }): FileLayer {
  return {
    ...inner,
    async open(p, mode) {
      const file = await inner.open(p, mode)
      return {
        path: file.path,
        write: (buffers, position) => file.write(buffers, position),
        sync: () => {
          counter.syncs++
          return file.sync()
        },
        truncate: (length) => file.truncate(length),
        close: () => file.close(),
      }
    },
  }
}

function result(
  round: number,
  kind: EnqueueKind,
  producers: number,
  ops: number,
  fsyncs: number,
  m: ReturnType<Meter['stop']>,
): EnqueueRun {
  return {
    bench: 'queue-enqueue',
    round,
    kind,
    producers,
    ops,
    ms: round3(m.elapsedMs),
    per_s: Math.round((ops * 1000) / m.elapsedMs),
    fsyncs,
    ops_per_fsync: round3(ops / Math.max(1, fsyncs)),
    cpu_us_per_op: round3(m.cpuUs / ops),
    steal_pct: m.stealPct === null ? null : round3(m.stealPct),
    other_cpu_pct: m.otherPct === null ? null : round3(m.otherPct),
  }
}

const round3 = (x: number) => round(x, 3)

function runFsyncEach(dir: string, round: number, ops: number): EnqueueRun {
  const lines = Array.from({ length: ops }, (_, i) => lineOf(i))
  const fd = fs.openSync(path.join(dir, 'plain.jsonl'), 'wx', 0o600)
  try {
    const meter = new Meter()
    for (const line of lines) {
      fs.writeSync(fd, line)
      fs.fsyncSync(fd)
    }
    return result(round, 'fsync_each', 1, ops, ops, meter.stop())
  } finally {
    fs.closeSync(fd)
  }
}

async function runEnqueue(
  dir: string,
  round: number,
  ops: number,
  producers: number,
): Promise<EnqueueRun> {
  const counter = { syncs: 0 }
  const store = await openQueueStore({ dataDir: dir, files: countingLayer(nodeFileLayer, counter) })
  try {
    const log = await store.open('bench', { maxQueueSize: ops + 1 })
    // The profile's first record creates its log file (and fsyncs the folder): not timed.
    await log.enqueue(benchOperation(ops))
    const operations = Array.from({ length: ops }, (_, i) => benchOperation(i))
    const before = counter.syncs
    let next = 0
    const meter = new Meter()
    await Promise.all(
      Array.from({ length: producers }, async () => {
        while (next < ops) await log.enqueue(operations[next++]!)
      }),
    )
    const measured = meter.stop()
    if (log.stats().depth !== ops + 1)
      throw new Error(`expected ${ops + 1} queued, found ${log.stats().depth}`)
    return result(
      round,
      producers === 1 ? 'enqueue_c1' : 'enqueue_c64',
      producers,
      ops,
      counter.syncs - before,
      measured,
    )
  } finally {
    await store.close()
  }
}

/**
 * One untimed pass of each kind before round 1 (round 0, not in the runs): the first calls run in
 * V8's interpreter and the first files of a fresh folder cost extra, which would count against
 * whichever kind happens to go first.
 */
async function warmUp(options: EnqueueBenchOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(options.dataDir, 'warm-up-'))
  try {
    const ops = Math.max(100, Math.round(options.opsConcurrent / 4))
    fs.mkdirSync(path.join(dir, 'a'))
    fs.mkdirSync(path.join(dir, 'b'))
    runFsyncEach(path.join(dir, 'a'), 0, Math.round(options.opsSerial / 4))
    await runEnqueue(path.join(dir, 'b'), 0, ops, 64)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  options.progress('warm-up done (not counted)')
}

export async function runEnqueueBench(options: EnqueueBenchOptions) {
  const runs: EnqueueRun[] = []
  const order: EnqueueKind[] = ['fsync_each', 'enqueue_c1', 'enqueue_c64']
  await warmUp(options)
  for (let r = 1; r <= options.rounds; r++) {
    for (const kind of r % 2 === 1 ? order : [...order].reverse()) {
      const dir = fs.mkdtempSync(path.join(options.dataDir, `${kind}-`))
      try {
        const run =
          kind === 'fsync_each'
            ? runFsyncEach(dir, r, options.opsSerial)
            : await runEnqueue(
                dir,
                r,
                kind === 'enqueue_c1' ? options.opsSerial : options.opsConcurrent,
                kind === 'enqueue_c1' ? 1 : 64,
              )
        runs.push(run)
        options.progress(`round ${r} ${kind}: ${run.per_s}/s (${run.ops_per_fsync} ops per fsync)`)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  return { runs, summary: summarizeEnqueue(runs, options) }
}

export function summarizeEnqueue(
  runs: EnqueueRun[],
  options: Pick<EnqueueBenchOptions, 'rounds' | 'opsSerial' | 'opsConcurrent'>,
) {
  const perS = (kind: EnqueueKind) => runs.filter((r) => r.kind === kind).map((r) => r.per_s)
  const ratios: number[] = []
  for (const c64 of runs.filter((r) => r.kind === 'enqueue_c64')) {
    const base = runs.find((r) => r.kind === 'fsync_each' && r.round === c64.round)
    if (base) ratios.push(c64.per_s / base.per_s)
  }
  const ratio = ratios.length ? round(median(ratios), 2) : null
  const medianOf = (values: number[]) => (values.length ? Math.round(median(values)) : null)
  return {
    enqueue_c1_per_s: medianOf(perS('enqueue_c1')),
    enqueue_c64_per_s: medianOf(perS('enqueue_c64')),
    fsync_each_per_s: medianOf(perS('fsync_each')),
    /** Median of the per-round ratios (each round's 64 producers over the same round's baseline). */
    enqueue_c64_vs_fsync_each: ratio,
    enqueue_c64_vs_fsync_each_rounds: ratios.map((x) => round(x, 2)),
    enqueue_c1_vs_fsync_each: (() => {
      const a = medianOf(perS('enqueue_c1'))
      const b = medianOf(perS('fsync_each'))
      return a !== null && b ? round(a / b, 2) : null
    })(),
    ops_per_fsync_c64: round(
      median(runs.filter((r) => r.kind === 'enqueue_c64').map((r) => r.ops_per_fsync)),
      1,
    ),
    /** CPU used by other processes during the runs (% of all CPUs): high values mean noisier figures. */
    other_cpu_pct_median: (() => {
      const other = runs.map((r) => r.other_cpu_pct).filter((x): x is number => x !== null)
      return other.length ? round(median(other), 1) : null
    })(),
    target_enqueue_c64_vs_fsync_each: ENQUEUE_TARGET_RATIO,
    meets_target: ratio !== null && ratio >= ENQUEUE_TARGET_RATIO,
    record_bytes: lineOf(0).length,
    ops_per_run: { serial: options.opsSerial, concurrent: options.opsConcurrent },
    rounds: options.rounds,
    method: {
      fsync_each:
        'fs.writeSync + fs.fsyncSync of each record line on a plain file (same bytes as the log)',
      enqueue:
        'FileQueueLog.enqueue (acknowledged after its fsync), 1 or 64 producers each awaiting its last ack',
      interleaved: 'each round runs all three, order alternating, each in a fresh folder',
      warm_up: 'one untimed pass of the baseline and of 64 producers before round 1',
    },
    node: process.version,
    cpus: os.cpus().length,
  }
}
