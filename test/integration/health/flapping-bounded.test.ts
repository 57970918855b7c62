/**
 * A flapping network: every 300 ms the fault proxy switches between down (new connections
 * refused, open ones reset) and up, 16 times. The profile changes state a bounded number of
 * times (its backoff keeps growing across the short recoveries, so attempts thin out), recovers
 * once the network is stable, and leaves nothing behind: no more timers on its clock, no more
 * listeners on its pool, no more sockets (in this process, through the proxy, on the server), and
 * no more libuv Timeout / TCPSocketWrap resources in the process than before.
 * The shared server is fine here: nothing is stopped, only this file's proxy misbehaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionPool, PoolEvents } from '../../../src/main/engine/pool/engine'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { sessionsNamed } from '../../helpers/monitor-harness'
import { until } from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'
import {
  activeResources,
  countingClock,
  hold,
  maxAttemptsWithin,
  paramsFor,
  recordedSession,
  sizing,
  type RecordedSession,
} from '../../helpers/pg-server-control'

const APP = 'lg-health-flapping'
const FLIP_MS = 300
const FLIPS = 16
const CONNECT_TIMEOUT_MS = 500
const target = pgTarget()
let proxy: FaultProxy
let rec: RecordedSession | undefined

beforeAll(async () => {
  proxy = await startFaultProxy({ target })
})
afterAll(async () => {
  await rec?.close()
  await proxy.close()
})

const poolEvents: (keyof PoolEvents)[] = [
  'created',
  'create-failed',
  'acquired',
  'released',
  'removed',
  'leak',
  'leak-resolved',
  'timeout',
  'state-changed',
]

interface Footprint {
  clockTimers: number
  poolListeners: number
  processTimeouts: number
  processSockets: number
  proxyConnections: number
  poolTotal: number
}

/**
 * What the profile holds while idle and connected, each figure the least seen over 10 samples
 * 20 ms apart (two probe intervals): timers that are re-armed on their own schedule (the probe,
 * the statistics push) are briefly between clear and re-arm, so a single sample may miss one.
 */
async function footprint(
  clock: { liveTimers: number },
  pool: ConnectionPool,
  r: RecordedSession,
): Promise<Footprint> {
  const samples: Footprint[] = []
  for (let i = 0; i < 10; i++) {
    const resources = activeResources()
    samples.push({
      clockTimers: clock.liveTimers,
      poolListeners: poolEvents.reduce((n, e) => n + pool.listenerCount(e), 0),
      processTimeouts: resources['Timeout'] ?? 0,
      processSockets: resources['TCPSocketWrap'] ?? 0,
      proxyConnections: proxy.connections,
      poolTotal: r.session.status().pool?.total ?? 0,
    })
    await hold(20)
  }
  const least = (key: keyof Footprint) => Math.min(...samples.map((s) => s[key]))
  return {
    clockTimers: least('clockTimers'),
    poolListeners: least('poolListeners'),
    processTimeouts: least('processTimeouts'),
    processSockets: least('processSockets'),
    proxyConnections: least('proxyConnections'),
    poolTotal: least('poolTotal'),
  }
}

describe('a flapping network', () => {
  it('changes state a bounded number of times, recovers, and leaks nothing', async () => {
    const clock = countingClock()
    const r = (rec = recordedSession(
      { probeIntervalMs: 100, probeTimeoutMs: 200, backoffBaseMs: 100, backoffCapMs: 1_000 },
      { clock },
    ))
    const s = r.settings
    const min = 2
    const params = paramsFor(target, {
      route: proxy,
      applicationName: APP,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    })
    await r.session.connect(params, sizing({ max: 5, min }))
    const pool = r.session.pool!
    await until(
      'only the pool is connected',
      () => proxy.connections,
      (n) => n === min,
    )
    const before = await footprint(clock, pool, r)
    expect(before.poolTotal).toBe(min)

    const start = performance.now()
    for (let flip = 0; flip < FLIPS; flip++) {
      if (flip % 2 === 0) {
        await proxy.refuseNew(true)
        proxy.resetAll()
      } else await proxy.refuseNew(false)
      await hold(start + (flip + 1) * FLIP_MS - performance.now())
    }
    const windowMs = performance.now() - start

    // Bounded: the backoff step survives short recoveries (it resets only after
    // resetAfterHealthyMs of health), so reconnect attempts thin out along the backoff; every
    // state change is one probe failure (leaving connected, which needs a success before it) or
    // one attempt's outcome.
    const attempts = r.attempts.filter((a) => a.t >= start && a.value.trigger !== 'probe').length
    const changes = r.stateChanges().filter((c) => c.t >= start).length
    const attemptBound = maxAttemptsWithin(s, windowMs) + 1 // +1: one in flight at the start
    console.info(
      `${FLIPS} flips in ${Math.round(windowMs)} ms: ${attempts} attempts (bound ${attemptBound}), ` +
        `${changes} state changes (bound ${2 * attemptBound + 1})`,
    )
    expect(changes).toBeGreaterThan(0)
    expect(attempts).toBeLessThanOrEqual(attemptBound)
    expect(changes).toBeLessThanOrEqual(2 * attemptBound + 1)

    // The network is up for good: connected by the next attempt (at most one capped delay away).
    const settled = performance.now()
    await r.reach('connected', s.backoffCapMs + CONNECT_TIMEOUT_MS + 1_000, settled - 1)
    const lease = await r.session.acquire({ timeoutMs: 1_000 })
    try {
      expect((await lease.connection.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      lease.release()
    }

    // Nothing left behind, once the pool is back at min and every closed socket is gone. Timers
    // and sockets are compared as the least seen over the samples (see footprint) and must not
    // exceed what they were: a leaked timer or socket is there in every sample, while the
    // statistics push timer (re-armed at most every 250 ms while probes move the counts) may be
    // caught before and missed after. Listeners and connections must be exactly as before.
    await until(
      'pool back at min, proxy carrying only it',
      () => [r.session.status().pool?.total, proxy.connections],
      ([total, open]) => total === min && open === min,
    )
    await until(
      'the server sees only the pool',
      () => sessionsNamed(target, APP),
      (n) => n === min,
    )
    const grown = (f: Footprint) =>
      f.clockTimers > before.clockTimers ||
      f.processTimeouts > before.processTimeouts ||
      f.processSockets > before.processSockets
    const after = await until(
      'timers and sockets back to what they were',
      () => footprint(clock, pool, r),
      (f) => !grown(f),
    ).catch(() => footprint(clock, pool, r))
    console.info(`footprint before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`)
    expect(after.clockTimers).toBeLessThanOrEqual(before.clockTimers)
    expect(after.processTimeouts).toBeLessThanOrEqual(before.processTimeouts)
    expect(after.processSockets).toBeLessThanOrEqual(before.processSockets)
    expect(after).toMatchObject({
      poolListeners: before.poolListeners,
      proxyConnections: before.proxyConnections,
      poolTotal: before.poolTotal,
    })
  })
})
