import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../health/support/mulberry32'
import { connectionLost, serverError } from './support/fake-database'
import { expectInvariant, makeQueue } from './support/queue-harness'

/**
 * A seeded random mix of enqueues (some refused: the queue is small), health flips, transient and
 * permanent errors, time passing (backoff, expiry) and user decisions (retry, skip, edit,
 * requeue). After every step: applied + moved aside + queued = enqueued; at the end the server
 * holds every applied operation exactly once, applied in seq order (FIFO).
 */
describe('the queue invariant under a random sequence', () => {
  it.each([1, 2, 3, 4, 5, 6])('holds after every step (seed %i)', async (seed) => {
    const rand = mulberry32(seed)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!
    const h = makeQueue({
      random: mulberry32(seed + 100),
      settings: { maxQueueSize: 12, batchSize: 4, maxAttempts: 2, maxAgeMs: 600_000 },
    })
    const errors = new Map<number, Error>() // value -> the error its next try meets
    h.db.rule = (_sql, params) => {
      const value = params[0] as number
      const error = errors.get(value)
      if (error && !('permanent' in error)) errors.delete(value)
      return error
    }
    let next = 1
    let refused = 0
    for (let step = 0; step < 400; step++) {
      const action = pick([
        'enqueue',
        'enqueue',
        'enqueue',
        'flip',
        'error',
        'error',
        'time',
        'decide',
        'requeue',
      ])
      if (action === 'enqueue') {
        const value = next++
        await h.queue
          .enqueue({ sql: 'INSERT INTO t VALUES ($1)', params: [value] })
          .catch((e: { code?: string }) => {
            expect(e.code).toBe('queue-full')
            refused++
          })
      } else if (action === 'flip') h.setUsable(rand() < 0.6)
      else if (action === 'error') {
        const queued = h.log.queued()
        // A queued operation, or one of the next few to be enqueued.
        const candidates = [
          ...queued.map((o) => o.payload.params[0] as number),
          next,
          next + 1,
          next + 2,
        ]
        {
          const value = pick(candidates)
          const kind = pick(['transient', 'lost', 'permanent'])
          errors.set(
            value,
            kind === 'transient'
              ? serverError('40001', 'could not serialize access')
              : kind === 'lost'
                ? connectionLost()
                : Object.assign(serverError('23514', 'check constraint violated'), {
                    permanent: true,
                  }),
          )
        }
      } else if (action === 'time') await h.clock.advance(pick([500, 2_000, 30_000, 700_000]))
      else if (action === 'decide') {
        const blocked = h.queue.status().blocked
        if (blocked) {
          const op = h.log.queued().find((o) => o.id === blocked.operationId)!
          const decision = pick(['retry', 'skip', 'edit'] as const)
          if (decision !== 'skip') errors.delete(op.payload.params[0] as number)
          await h.queue.resolve(
            blocked.operationId,
            decision,
            decision === 'edit' ? 'INSERT INTO t VALUES ($1)' : undefined,
            decision === 'edit' ? op.payload.params : undefined,
          )
        }
      } else {
        const aside = h.log.aside()
        if (aside.length > 0) await h.queue.requeue(pick(aside).id).catch(() => undefined)
      }
      await h.settle()
      expectInvariant(h.log)
      expect(h.db.maxLeasesOut).toBeLessThanOrEqual(1)
    }
    // Heal everything and drain.
    errors.clear()
    h.setUsable(true)
    for (let i = 0; i < 50 && h.log.queued().length > 0; i++) {
      const blocked = h.queue.status().blocked
      if (blocked) await h.queue.resolve(blocked.operationId, 'retry')
      await h.clock.advance(60_000)
      await h.settle()
    }
    expect(h.log.queued()).toHaveLength(0)
    expectInvariant(h.log)
    const applied = h.log.journal.filter((j) => j.method === 'markApplied')
    expect(applied).toHaveLength(h.log.stats().applied)
    // FIFO: operations left the queue applied in seq order.
    const seqs = applied.map((j) => j.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    // Exactly once on the server (no crash here): one committed row per applied operation.
    const values = h.committedValues()
    expect(values).toHaveLength(applied.length)
    expect(new Set(values).size).toBe(values.length)
    expect(h.log.stats().enqueued + refused).toBe(next - 1)
    // The sequence really went through the hard parts.
    const kinds = new Set(h.events.map((e) => e.kind))
    expect(kinds).toEqual(
      new Set([
        'queue-enqueued',
        'queue-applied',
        'queue-failed',
        'queue-blocked',
        'queue-moved-aside',
      ]),
    )
    expect(h.log.stats().failedAttempts).toBeGreaterThan(5)
  })
})
