/**
 * reliability D.16, the SIGKILL loop (Kafka's "every acked message was consumed" oracle): a child
 * process (queue-child.ts, mode 'writer', the real log on real files) appends numbered operations
 * from 4 concurrent producers, records from tiny to 64 KiB, while a consumer marks the oldest
 * applied (so the log compacts too), and journals every attempt and acknowledgement. The parent
 * kills it with SIGKILL at a random moment (its journal of attempts and acknowledgements is a file
 * written synchronously, so the kill loses no line of it), then opens the same folder itself (reclaiming the lock
 * the dead child left) and checks, round after round:
 *
 *   acknowledged ⊆ recovered ⊆ attempted, in order, no duplicates, payloads intact, seqs as
 *   acknowledged; an acknowledged applied mark is never undone; nothing once gone comes back;
 *   applied + aside + queued = enqueued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { openQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import { buildChild } from '../../../helpers/build-child'
import { startChild } from '../../../helpers/queue-child-runner'
import { prng } from '../../../helpers/queue-storage-fixture'
import { tempDir } from '../../../helpers/temp-dir'
import { padding } from './child-operations'

const ROUNDS = 60
const { dir: dataDir, cleanup } = tempDir()
const { dir: journalDir, cleanup: removeJournals } = tempDir('lifeguard-journal-')
let script = ''
let removeBuild = () => undefined as void

beforeAll(async () => {
  const built = await buildChild(path.join(import.meta.dirname, 'queue-child.ts'))
  script = built.script
  removeBuild = built.cleanup
}, 60_000)

afterAll(() => {
  removeBuild()
  cleanup()
  removeJournals()
})

describe('the SIGKILL loop', () => {
  it(`keeps every acknowledged operation, in order, across ${ROUNDS} kills`, async () => {
    const random = prng(2026)
    const started = performance.now()
    const attempted = new Set<number>()
    const acked = new Map<number, number>()
    const appliedAcked = new Set<number>()
    const appliedTried = new Set<number>()
    let previous: number[] = []
    let next = 1
    let kills = 0
    let totalAcks = 0
    let maxDepth = 0
    let checkMs = 0
    let highestGeneration = 0

    for (let round = 1; round <= ROUNDS; round++) {
      const journal = path.join(journalDir, `round-${round}.txt`)
      const child = startChild(script, {
        mode: 'writer',
        dataDir,
        start: next,
        producers: 4,
        journal,
      })
      await child.line((l) => l === 'ready' || l.startsWith('fatal'))
      // Real time picks the instant of the crash (it is not a wait for a timer of ours).
      const delay = Math.floor(random() * 120)
      const timer = setTimeout(() => child.child.kill('SIGKILL'), delay)
      const { signal, stderr } = await child.done
      clearTimeout(timer)
      expect(signal, `round ${round}: ${stderr} ${child.lines.slice(-3).join(' | ')}`).toBe(
        'SIGKILL',
      )
      kills++

      const attemptedNow = new Set<number>()
      const appliedTriedNow = new Set<number>()
      for (const line of fs.readFileSync(journal, 'utf8').split('\n')) {
        const [kind, a, b] = line.split(' ')
        const n = Number(a)
        if (kind === 'a') attemptedNow.add(n)
        else if (kind === 'k') {
          acked.set(n, Number(b))
          totalAcks++
        } else if (kind === 'p') appliedTriedNow.add(n)
        else if (kind === 'q') appliedAcked.add(n)
      }
      for (const n of attemptedNow) attempted.add(n)
      for (const n of appliedTriedNow) appliedTried.add(n)
      next = Math.max(next, ...attemptedNow) + 1

      const checkStarted = performance.now()
      const store = await openQueueStore({ dataDir })
      const log = await store.open('p1', { maxQueueSize: 1_000_000 })
      const ops = log.queued()
      const stats = log.stats()
      const recovered = ops.map((op) => Number(op.id.slice(3)))
      const context = `round ${round} (killed ${delay} ms after ready)`
      expect(log.damage, context).toBeNull()
      // In order, no duplicates.
      expect(recovered, context).toEqual([...new Set(recovered)].sort((x, y) => x - y))
      const present = new Set(recovered)
      // recovered ⊆ attempted, and nothing gone comes back.
      const previousSet = new Set(previous)
      for (const n of recovered) {
        expect(attempted.has(n), `${context}: op-${n} was never attempted`).toBe(true)
        expect(previousSet.has(n) || attemptedNow.has(n), `${context}: op-${n} came back`).toBe(
          true,
        )
      }
      // acknowledged ⊆ recovered (unless an applied mark was asked for); seqs checked below.
      for (const n of acked.keys()) {
        if (appliedAcked.has(n)) {
          expect(
            present.has(n),
            `${context}: op-${n} was applied (acknowledged) but is queued`,
          ).toBe(false)
          continue
        }
        if (appliedTried.has(n)) continue
        expect(present.has(n), `${context}: acknowledged op-${n} is lost`).toBe(true)
      }
      for (const op of ops) {
        const n = Number(op.id.slice(3))
        if (acked.has(n)) expect(op.seq, context).toBe(acked.get(n))
        expect(op.payload.params, context).toEqual([n, padding(n)])
      }
      // What was there before is still there, unless applied in this round.
      for (const n of previous) {
        if (!appliedTriedNow.has(n))
          expect(present.has(n), `${context}: op-${n} vanished`).toBe(true)
      }
      expect(stats.applied + stats.movedAside + stats.depth, context).toBe(stats.enqueued)
      expect(stats.enqueued, context).toBeLessThanOrEqual(attempted.size)
      maxDepth = Math.max(maxDepth, stats.depth)
      for (const name of fs.readdirSync(path.join(dataDir, 'queue', 'p1'))) {
        const generation = /^log-(\d+)\.jsonl$/.exec(name)
        if (generation) highestGeneration = Math.max(highestGeneration, Number(generation[1]))
      }
      previous = recovered
      await store.close()
      checkMs += performance.now() - checkStarted
    }
    const seconds = (performance.now() - started) / 1000
    process.stdout.write(
      `SIGKILL loop: ${ROUNDS} rounds, ${kills} kills, ${totalAcks} acknowledged enqueues, ` +
        `${appliedAcked.size} acknowledged applied marks, ${attempted.size} attempted, ` +
        `up to ${maxDepth} queued, ${highestGeneration} log generations, ${seconds.toFixed(1)} s (${(checkMs / 1000).toFixed(1)} s of it reopening and checking)\n`,
    )
    expect(kills).toBe(ROUNDS)
    expect(totalAcks).toBeGreaterThan(ROUNDS * 5)
    expect(appliedAcked.size).toBeGreaterThan(0)
    // The kills also landed while the log compacted itself.
    expect(highestGeneration).toBeGreaterThan(10)
    expect(seconds).toBeLessThan(40)
  }, 60_000)
})
