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
const reserved = { monitor: 1, sampler: 1 } as const
type Group = 'general' | keyof typeof reserved

describe('partition invariants under a saturating general workload', () => {
  for (const seed of [1, 2, 3]) {
    it(`keeps the general limit, accounts every lease, and never blinds the monitor (seed ${seed})`, async () => {
      const rnd = prng(seed)
      const max = 5
      const generalLimit = max - 2
      const { pool, clock, factory } = makePool(
        {
          max,
          partitions: reserved,
          acquireTimeoutMs: 1_000,
          maxWaiting: 40,
          idleTimeoutMs: 2_000,
          housekeepingMs: 500,
          keepaliveMs: 0,
          maxLifetimeMs: 0,
        },
        { random: rnd },
      )
      const held = new Set<{ group: Group; lease: PoolLease }>()
      const violations: string[] = []
      const live = (g: Group) =>
        [...held].filter((h) => h.group === g && !(h.lease.connection as StubConnection).closed)
          .length
      const check = (where: string) => {
        const s = pool.stats()
        const general = live('general')
        let overflow = 0
        for (const p of ['monitor', 'sampler'] as const) {
          const n = live(p)
          overflow += Math.max(0, n - reserved[p])
          if (s.partitions?.[p]?.inUse !== n)
            violations.push(`${where}: ${p} inUse ${s.partitions?.[p]?.inUse} != held ${n}`)
        }
        if (general + overflow > generalLimit)
          violations.push(`${where}: general ${general} + overflow ${overflow} > ${generalLimit}`)
        if (s.total > max) violations.push(`${where}: total ${s.total} > max`)
        if (s.total !== s.active + s.idle + s.validating)
          violations.push(`${where}: total mismatch`)
      }
      await pool.start()

      const borrow = (group: Group, holdMs: number) => {
        const startedAt = clock.now()
        const lease = pool.acquire({
          priority: priorities[Math.floor(rnd() * 4)]!,
          ...(group === 'general' ? {} : { partition: group }),
        })
        return lease.then(
          (l) => {
            const h = { group, lease: l }
            held.add(h)
            clock.setTimeout(() => {
              held.delete(h)
              if (rnd() < 0.05) l.release(new Error('broken in use'))
              else l.release()
            }, holdMs)
            return clock.now() - startedAt
          },
          (error: { code?: string }) => {
            if (group !== 'general' || error.code !== 'pool-exhausted')
              violations.push(`${group} refused: ${String(error.code)}`)
            return -1
          },
        )
      }
      // general: far more demand than its 3 connections; sampler: sometimes 2 at once (overflow)
      for (let i = 0; i < 600; i++)
        clock.setTimeout(() => void borrow('general', 50 + Math.floor(rnd() * 400)), i * 50)
      for (let i = 0; i < 150; i++)
        clock.setTimeout(() => void borrow('sampler', Math.floor(rnd() * 300)), i * 200 + 7)
      // the monitor probes every 100 ms, one at a time: it must never wait
      const probeWaits: number[] = []
      for (let i = 0; i < 300; i++)
        clock.setTimeout(
          () => void borrow('monitor', 20).then((w) => probeWaits.push(w)),
          i * 100 + 3,
        )
      for (let t = 0; t < 32_000; t += 10) {
        if (rnd() < 0.01) {
          const idle = factory.made.filter(
            (c) => !c.closed && ![...held].some((h) => h.lease.connection === c),
          )
          idle[Math.floor(rnd() * idle.length)]?.emitError()
        }
        await clock.advance(10)
        check(`t=${t}`)
      }
      expect(violations).toEqual([])
      expect(probeWaits).toHaveLength(300)
      expect(probeWaits.every((w) => w === 0)).toBe(true)
      expect(pool.metrics().counters.timeouts).toBeGreaterThan(0) // general really was saturated
      expect(pool.stats()).toMatchObject({
        active: 0,
        waiting: 0,
        partitions: {
          monitor: { reserved: 1, inUse: 0, waiting: 0 },
          sampler: { reserved: 1, inUse: 0, waiting: 0 },
        },
      })
      await pool.shutdown()
    })
  }
})
