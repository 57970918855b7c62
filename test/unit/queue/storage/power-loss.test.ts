/**
 * reliability D.17: simulated power loss at random moments of random workloads (seeded, so a
 * failure names the seed that replays it). Each iteration boots the log several times on the same
 * folder; each boot runs random bursts of concurrent changes (enqueues of tiny to 2 KB statements,
 * attempts, applied marks, set-asides, requeues, edits, refused enqueues on a full queue, explicit
 * and automatic compactions) until the simulated power goes, at a random file operation, dropping
 * what was not fsynced or tearing it at a random byte. After the next boot's recovery (which may
 * itself be cut by a power loss) the log must equal the model after some prefix of the changes
 * that were taken, a prefix holding every acknowledged change: nothing acknowledged lost, nothing
 * out of order, nothing duplicated, counters consistent, no half-compaction.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../../src/main/engine/core/errors'
import type { FileQueueLog } from '../../../../src/main/engine/queue/storage/file-queue-log'
import { PowerLossFileLayer, type CrashMode } from '../../../helpers/power-loss-file-layer'
import {
  applyRef,
  emptyRef,
  matchingPrefixes,
  refOf,
  type RefChange,
  type RefState,
} from '../../../helpers/queue-reference-model'
import {
  failure,
  folderFiles,
  openTestLog,
  prng,
  statement,
} from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'
import fs from 'node:fs'
import path from 'node:path'

const ITERATIONS = 120
const BOOTS = 4
const MAX_QUEUE = 24
const { dir: root, cleanup } = tempDir()
afterAll(cleanup)

interface Boot {
  changes: RefChange[]
  /** Index + 1 of the last acknowledged change (every change before it is acknowledged too). */
  ackedPrefix: number
  acked: number
  refused: number
}

async function runBoot(
  log: FileQueueLog,
  layer: PowerLossFileLayer,
  random: () => number,
  tag: string,
) {
  const boot: Boot = { changes: [], ackedPrefix: 0, acked: 0, refused: 0 }
  let accepted: RefState = refOf(log)
  const seqOf = new Map(log.queued().map((op) => [op.id, op.seq]))
  let next = 0
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!
  const sql = () =>
    `INSERT INTO lg_items (v) VALUES ($1) /* ${'x'.repeat(Math.floor(random() ** 3 * 2000))} */`
  for (let burst = 0; burst < 60 && !layer.crashed; burst++) {
    const waits: Promise<unknown>[] = []
    const size = 1 + Math.floor(random() * 8)
    for (let k = 0; k < size && !layer.crashed; k++) {
      const r = random()
      const known = accepted.queued.filter((op) => seqOf.has(op.id))
      let change: RefChange | null = null
      let call: (() => Promise<unknown>) | null = null
      if (r < 0.45) {
        const id = `${tag}-${next++}`
        const op = { ...statement(id), payload: { sql: sql(), params: [id] } }
        if (accepted.queued.length >= MAX_QUEUE) {
          // A full queue refuses at once, and the refusal takes nothing.
          waits.push(
            log.enqueue(op).then(
              () => expect.unreachable('a full queue took an enqueue'),
              (e: LifeguardError) => {
                if (!layer.crashed) expect(e.code).toBe('queue-full')
              },
            ),
          )
          continue
        }
        change = { t: 'enqueue', id, sql: op.payload.sql }
        call = () =>
          log.enqueue(op).then((q) => {
            seqOf.set(id, q.seq)
          })
      } else if (r < 0.85 && known.length > 0) {
        const target = pick(known)
        const seq = seqOf.get(target.id)!
        const kind = pick(['attempt', 'applied', 'applied', 'aside', 'replace'] as const)
        if (kind === 'attempt') {
          change = { t: 'attempt', id: target.id }
          call = () => log.recordAttempt(seq, failure('timeout'))
        } else if (kind === 'applied') {
          change = { t: 'applied', id: target.id }
          call = () => log.markApplied(seq)
        } else if (kind === 'aside') {
          const reason = pick(['skipped', 'expired'] as const)
          change = { t: 'aside', id: target.id, reason }
          call = () => log.moveAside(seq, reason, null)
        } else {
          const text = sql()
          change = { t: 'replace', id: target.id, sql: text }
          call = () => log.replace(seq, { sql: text, params: [target.id] })
        }
        if (kind === 'applied' || kind === 'aside') seqOf.delete(target.id)
      } else if (r < 0.93 && accepted.aside.length > 0 && accepted.queued.length < MAX_QUEUE) {
        const target = pick(accepted.aside)
        change = { t: 'requeue', id: target.id }
        call = () =>
          log.requeue(target.id).then((q) => {
            seqOf.set(target.id, q.seq)
          })
      } else if (r >= 0.97) {
        waits.push(log.compact().catch(() => undefined))
        continue
      }
      if (!change || !call) continue
      accepted = applyRef(accepted, change)
      const index = boot.changes.push(change)
      waits.push(
        call().then(
          () => {
            boot.acked++
            boot.ackedPrefix = Math.max(boot.ackedPrefix, index)
          },
          (error: unknown) => {
            // Only the power loss may refuse a change this workload makes.
            if (!layer.crashed) throw error
            boot.refused++
          },
        ),
      )
    }
    await Promise.all(waits)
  }
  return boot
}

describe('a power loss at a random moment', () => {
  it(`never loses or reorders an acknowledged change (${ITERATIONS} seeded runs of ${BOOTS} boots)`, async () => {
    let crashes = 0
    let acked = 0
    let recoveryCrashes = 0
    let highestGeneration = 0
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const seed = 1000 + iteration
      const random = prng(seed)
      const dir = path.join(root, `run-${iteration}`)
      fs.mkdirSync(dir)
      let base = emptyRef()
      let previous: Boot | null = null
      for (let b = 0; b < BOOTS; b++) {
        const layer = PowerLossFileLayer.over(dir, random)
        const mode: CrashMode = random() < 0.5 ? 'drop' : 'tear'
        const duringRecovery = b > 0 && random() < 0.15
        layer.crashAt(
          duringRecovery ? 1 + Math.floor(random() * 6) : 1 + Math.floor(random() * 140),
          mode,
          random() < 0.5 ? 'before' : 'after',
        )
        let log: FileQueueLog
        try {
          log = await openTestLog(dir, {
            files: layer,
            maxQueueSize: MAX_QUEUE,
            compaction: { minBytes: 1500, maxLiveFraction: 0.5 },
          })
        } catch (error) {
          if (!layer.crashed) throw error
          recoveryCrashes++
          continue
        }
        const found = refOf(log)
        const context = `seed ${seed}, boot ${b}`
        expect(log.damage, context).toBeNull()
        if (previous) {
          const prefixes = matchingPrefixes(base, previous.changes, previous.ackedPrefix, found)
          expect(
            prefixes.length,
            `${context}: recovered state is no prefix of the changes`,
          ).toBeGreaterThan(0)
        }
        const seqs = log.queued().map((op) => op.seq)
        expect(seqs, context).toEqual([...seqs].sort((x, y) => x - y))
        expect(found.applied + found.movedAside + found.queued.length, context).toBe(found.enqueued)
        expect(
          folderFiles(dir).filter((n) => n.endsWith('.tmp')),
          context,
        ).toEqual([])
        expect(
          folderFiles(dir).filter((n) => /^log-\d+\.jsonl$/.test(n)).length,
          context,
        ).toBeLessThanOrEqual(1)
        for (const n of folderFiles(dir)) {
          const g = /^log-(\d+)\.jsonl$/.exec(n)
          if (g) highestGeneration = Math.max(highestGeneration, Number(g[1]))
        }
        base = found
        previous = await runBoot(log, layer, random, `i${iteration}b${b}`)
        acked += previous.acked
        if (!layer.crashed) layer.crash(mode)
        crashes++
      }
    }
    process.stdout.write(
      `power loss: ${ITERATIONS} runs, ${crashes} crashes (${recoveryCrashes} during recovery), ` +
        `${acked} acknowledged changes checked, log generations up to ${highestGeneration}\n`,
    )
    // The workload really compacts (and crashes land around compactions).
    expect(highestGeneration).toBeGreaterThan(3)
    expect(acked).toBeGreaterThan(ITERATIONS * 20)
  }, 120_000)
})
