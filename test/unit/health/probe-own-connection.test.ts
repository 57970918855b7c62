/**
 * The probe on a connection of its own (while the pool is paused): the `SELECT 1` round trip is
 * the latency, the connection is closed with a goodbye after an answer and destroyed after a
 * failure, the whole probe is bounded by its timeout, and a connection that arrives after the
 * bound is closed rather than left open.
 */
import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { probeOnOwnConnection } from '../../../src/main/engine/health/pg-checks'
import { FakeClock } from '../../helpers/fake-clock'
import { StubConnection } from '../../helpers/pool-stubs'

describe('probeOnOwnConnection', () => {
  it('runs SELECT 1 (and the counts when asked), then ends the connection', async () => {
    const clock = new FakeClock()
    const c = new StubConnection(7)
    const bounds: number[] = []
    const result = await probeOnOwnConnection(
      async (ms) => {
        bounds.push(ms)
        return c
      },
      clock,
      2_000,
      true,
    )
    expect(bounds).toEqual([2_000])
    expect(c.queries[0]).toBe('SELECT 1')
    expect(c.queries[1]).toMatch(/pg_stat_activity/)
    // The stub answers no rows: no counts, but the probe passed.
    expect(result).toEqual({ latencyMs: 0, server: null })
    expect(c.ended).toBe(true)
    expect(c.destroyed).toBe(false)
  })

  it('a query that never answers fails at the bound and the connection is destroyed', async () => {
    const clock = new FakeClock()
    const c = new StubConnection(8)
    c.hangQueries = /SELECT 1/
    const probe = probeOnOwnConnection(async () => c, clock, 1_000, false)
    const outcome = probe.then(
      () => 'answered',
      (e: unknown) => e,
    )
    await clock.advance(0) // connected: the query runs
    expect(c.queries).toEqual(['SELECT 1'])
    await clock.advance(1_000)
    const error = await outcome
    expect(error).toBeInstanceOf(LifeguardError)
    expect(error).toMatchObject({ code: 'timeout' })
    expect(c.destroyed).toBe(true)
  })

  it('a connect that takes longer than the bound fails it; the late connection is closed', async () => {
    const clock = new FakeClock()
    const c = new StubConnection(9)
    let arrive: (c: StubConnection) => void = () => undefined
    const probe = probeOnOwnConnection(
      () => new Promise<StubConnection>((resolve) => (arrive = resolve)),
      clock,
      1_000,
      false,
    )
    const outcome = probe.then(
      () => 'answered',
      (e: unknown) => e,
    )
    await clock.advance(1_000)
    expect(await outcome).toMatchObject({ code: 'timeout' })
    arrive(c)
    await clock.advance(0)
    expect(c.queries).toEqual([])
    expect(c.ended).toBe(true)
  })
})
