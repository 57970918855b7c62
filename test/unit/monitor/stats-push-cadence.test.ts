/**
 * A profile's pool figures are pushed at most 1 Hz while its counts stay put (Lifeguard's own
 * quick probes and samples cost no push of their own) and at most 4 Hz while they move; a change
 * is pushed within about a quarter of a second.
 */
import { describe, expect, it } from 'vitest'
import { SETTLE_MS, StatsPusher } from '../../../src/main/engine/monitor/stats-pusher'
import { emptyPoolStats, type PoolStats } from '../../../src/shared/domain'
import { FakeClock } from '../../helpers/fake-clock'

function pusher() {
  const clock = new FakeClock()
  let current: PoolStats = { ...emptyPoolStats, total: 2, idle: 2 }
  const pushes: Array<{ at: number; stats: PoolStats }> = []
  const p = new StatsPusher(
    clock,
    () => current,
    (stats) => pushes.push({ at: clock.now(), stats }),
  )
  return {
    clock,
    p,
    pushes,
    set: (s: Partial<PoolStats>) => {
      current = { ...current, ...s }
      p.changed()
    },
    get current() {
      return current
    },
  }
}

describe('stats push cadence', () => {
  it('pushes 1 Hz while idle, even with quick acquire-release pairs every 500 ms', async () => {
    const h = pusher()
    h.p.start()
    for (let t = 0; t < 20_000; t += 500) {
      h.set({ active: 1, idle: 1, acquires: h.current.acquires + 1 })
      await h.clock.advance(2)
      h.set({ active: 0, idle: 2 })
      await h.clock.advance(498)
    }
    expect(h.pushes.length).toBeGreaterThanOrEqual(19)
    expect(h.pushes.length).toBeLessThanOrEqual(20)
    // The counters still go out with the heartbeat.
    expect(h.pushes.at(-1)!.stats.acquires).toBeGreaterThanOrEqual(38)
    h.p.stop()
  })

  it('pushes at most 4 Hz while the counts move, each within 250 ms of the change', async () => {
    const h = pusher()
    h.p.start()
    let active = 0
    for (let t = 0; t < 10_000; t += 40) {
      active = (active + 1) % 5
      h.set({ active, idle: 5 - active })
      await h.clock.advance(40)
    }
    expect(h.pushes.length).toBeGreaterThanOrEqual(38)
    expect(h.pushes.length).toBeLessThanOrEqual(41)
    const gaps = h.pushes.slice(1).map((p, i) => p.at - h.pushes[i]!.at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250)
    h.p.stop()
  })

  it('a lone change goes out after it settles', async () => {
    const h = pusher()
    h.p.start()
    // Half a second after the last heartbeat: the 250 ms gap has passed.
    await h.clock.advance(5_500)
    const before = h.pushes.length
    h.set({ waiting: 3 })
    await h.clock.advance(SETTLE_MS)
    expect(h.pushes).toHaveLength(before + 1)
    expect(h.pushes.at(-1)!.stats.waiting).toBe(3)
    h.p.stop()
    await h.clock.advance(5_000)
    expect(h.pushes).toHaveLength(before + 1)
    expect(h.clock.pendingTimers).toBe(0)
  })
})
