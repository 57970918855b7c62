import { describe, expect, it } from 'vitest'
import type { PoolLease } from '../../../src/main/engine/pool/engine/pool-lease'
import type { Priority } from '../../../src/main/engine/pool/engine/wait-queue'
import { makePool, type StubConnection } from '../../helpers/pool-stubs'

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const priorities: Priority[] = ['low', 'normal', 'high', 'critical']

describe('pool invariants under 1000 random borrowers', () => {
  for (const seed of [1, 2, 3]) {
    it(`never double-lends, never exceeds max, and accounts for every connection (seed ${seed})`, async () => {
      const rnd = prng(seed)
      const max = 5
      const { pool, clock, factory } = makePool(
        {
          min: 2,
          max,
          acquireTimeoutMs: 2_000,
          keepaliveMs: 3_000,
          validationTimeoutMs: 500,
          idleTimeoutMs: 5_000,
          maxLifetimeMs: 8_000,
          housekeepingMs: 1_000,
          leakDetectionMs: 1_000,
          maxWaiting: 50,
        },
        { random: rnd },
      )
      const lentTo = new Map<StubConnection, number>()
      const violations: string[] = []
      const check = (where: string) => {
        const s = pool.stats()
        if (s.total !== s.active + s.idle + s.validating)
          violations.push(`${where}: total ${s.total} != ${s.active}+${s.idle}+${s.validating}`)
        if (s.total > max) violations.push(`${where}: total ${s.total} > max`)
        if (s.total + s.pendingCreates > max) violations.push(`${where}: creating beyond max`)
        if (s.active < 0 || s.idle < 0 || s.validating < 0) violations.push(`${where}: negative`)
      }
      pool.on('acquired', () => check('acquired'))
      pool.on('removed', () => check('removed'))
      let served = 0
      let refused = 0
      const unexpected: string[] = []
      await pool.start()

      const borrow = (id: number) => {
        const fate = rnd()
        const holdMs = fate >= 0.12 && fate < 0.14 ? 1_500 : Math.floor(rnd() * 250) // some leak
        pool
          .acquire({ priority: priorities[Math.floor(rnd() * 4)]!, holder: `borrower ${id}` })
          .then((lease: PoolLease) => {
            served++
            const c = lease.connection as StubConnection
            if (lentTo.has(c))
              violations.push(`connection ${lease.id} lent to ${id} and ${lentTo.get(c)}`)
            if (c.closed) violations.push(`closed connection ${lease.id} handed to ${id}`)
            lentTo.set(c, id)
            clock.setTimeout(() => {
              lentTo.delete(c)
              if (fate < 0.05) lease.release(new Error('broken in use'))
              else if (fate < 0.1) {
                c.tx = 'in-transaction'
                if (fate < 0.07) c.failQueries = /ROLLBACK/
                lease.release()
              } else if (fate < 0.12) {
                c.emitError() // dies while held
                lease.release()
              } else lease.release()
            }, holdMs)
          })
          .catch((error: { code?: string }) => {
            refused++
            if (!['pool-exhausted', 'queue-full'].includes(error.code ?? ''))
              unexpected.push(String(error.code))
          })
      }
      // 800 spread over 40 s (below capacity: connections go idle and are reused at once),
      // 200 in a one-second burst (queueing, priorities, timeouts, a full queue)
      for (let i = 0; i < 1000; i++) {
        const at = i < 800 ? rnd() * 40_000 : 20_000 + rnd() * 1_000
        clock.setTimeout(() => borrow(i), Math.floor(at))
      }
      for (let t = 0; t < 50_000; t += 50) {
        if (rnd() < 0.02) {
          const idle = factory.made.filter((c) => !c.closed && !lentTo.has(c))
          const victim = idle[Math.floor(rnd() * idle.length)]
          if (victim && rnd() < 0.5) victim.emitError()
          else if (victim) victim.failQueries = /SELECT 1/
        }
        await clock.advance(50)
        check(`t=${t}`)
      }
      expect(violations).toEqual([])
      expect(unexpected).toEqual([])
      expect(served + refused).toBe(1000)
      expect(served).toBeGreaterThan(500)
      expect(lentTo.size).toBe(0)
      const s = pool.stats()
      expect(s).toMatchObject({ active: 0, waiting: 0 })
      expect(s.total).toBeGreaterThanOrEqual(2)
      const m = pool.metrics().counters
      // the run exercised what it claims to
      expect(m.timeouts).toBeGreaterThan(0)
      expect(m.leaks).toBeGreaterThan(0)
      expect(m.removals['max-lifetime']).toBeGreaterThan(0)
      expect(m.removals['reset-failed']).toBeGreaterThan(0)
      expect(m.removals.broken).toBeGreaterThan(0)
      expect(m.acquires).toBe(served)
      expect(m.releases).toBe(served)
      const removals = Object.values(m.removals).reduce((a, b) => a + b, 0)
      expect(m.creates - removals).toBe(s.total)
      await pool.shutdown()
      expect(factory.made.every((c) => c.closed)).toBe(true)
    })
  }
})
