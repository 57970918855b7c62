/**
 * events:recorded goes out in batches: a burst becomes one batch, and batches leave at most every
 * 250 ms on the injected clock; close() stops them.
 */
import { describe, expect, it } from 'vitest'
import { EngineEventLog, EVENT_FLUSH_MS } from '../../../src/main/engine/events/event-log'
import type { EngineEvent } from '../../../src/shared/cockpit'
import { FakeClock } from '../../helpers/fake-clock'

function logWithBatches() {
  const clock = new FakeClock()
  const batches: Array<{ at: number; events: EngineEvent[] }> = []
  const log = new EngineEventLog({
    clock,
    onBatch: (events) => batches.push({ at: clock.now(), events }),
  })
  return { clock, batches, log }
}

describe('event batches', () => {
  it('a burst goes out as one batch, oldest first', async () => {
    const { clock, batches, log } = logWithBatches()
    for (let i = 0; i < 50; i++) log.record('p', 'attempt', 'info', `e${i}`)
    expect(batches).toHaveLength(0)
    await clock.advance(0)
    expect(batches).toHaveLength(1)
    expect(batches[0]!.events.map((e) => e.message)).toEqual(
      Array.from({ length: 50 }, (_, i) => `e${i}`),
    )
  })

  it('a steady stream is delivered at most every 250 ms, nothing lost', async () => {
    const { clock, batches, log } = logWithBatches()
    let n = 0
    for (let t = 0; t < 5_000; t += 20) {
      log.record('p', 'attempt', 'info', `e${n++}`)
      await clock.advance(20)
    }
    await clock.advance(EVENT_FLUSH_MS)
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i]!.at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(EVENT_FLUSH_MS)
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(5_000 / EVENT_FLUSH_MS) + 1)
    expect(batches.flatMap((b) => b.events).map((e) => e.message)).toHaveLength(n)
  })

  it('close stops the batches', async () => {
    const { clock, batches, log } = logWithBatches()
    log.record('p', 'attempt', 'info', 'x')
    log.close()
    await clock.advance(1_000)
    log.record('p', 'attempt', 'info', 'y')
    await clock.advance(1_000)
    expect(batches).toEqual([])
    expect(clock.pendingTimers).toBe(0)
    expect(log.list('p').total).toBe(2)
  })
})
