/**
 * A blackhole between the profile and its server (the fault proxy stops forwarding without
 * closing anything): the probe's timeout detects it, the profile is `failed` one reconnect attempt
 * later (that attempt times out connecting), no call hangs, the reconnect attempts follow the
 * backoff (sockets opened through the proxy are counted), and the pool opens nothing meanwhile.
 * When the blackhole ends the profile reconnects, and no socket is left over.
 * The shared server is fine here: nothing is stopped, only this file's proxy misbehaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { sessionsNamed } from '../../helpers/monitor-harness'
import { until } from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'
import {
  hold,
  maxAttemptsWithin,
  paramsFor,
  recordedSession,
  sizing,
  type RecordedSession,
} from '../../helpers/pg-server-control'

const APP = 'lg-health-blackhole'
const CONNECT_TIMEOUT_MS = 500
/** How long the blackhole lasts. */
const WINDOW_MS = 3_000
/** Timer lateness allowed on a loaded machine, added to each bound. */
const SLACK_MS = 250
const target = pgTarget()
let proxy: FaultProxy
let rec: RecordedSession | undefined

beforeAll(async () => {
  proxy = await startFaultProxy({ target })
})
afterAll(async () => {
  proxy.blackhole(false)
  await rec?.close()
  await proxy.close()
})

/** Runs `call` and returns how long it took to settle, and how. */
async function timed(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now()
  try {
    await call()
    return { ms: performance.now() - started, error: undefined }
  } catch (error) {
    return { ms: performance.now() - started, error }
  }
}

describe('a blackholed network', () => {
  it('is detected by the probe timeout, without hangs or a reconnect storm, and heals', async () => {
    const r = (rec = recordedSession({
      probeIntervalMs: 300,
      probeTimeoutMs: 300,
      backoffBaseMs: 200,
      backoffCapMs: 800,
    }))
    const s = r.settings
    const max = 5
    const params = paramsFor(target, {
      route: proxy,
      applicationName: APP,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    })
    await r.session.connect(params, sizing({ max, min: 2 }))
    await until(
      'only the pool is connected',
      () => proxy.connections,
      (n) => n === 2,
    )

    // Sample what this process has open while the blackhole lasts.
    const samples: { state: string; total: number; pendingCreates: number }[] = []
    const sampler = setInterval(() => {
      const status = r.session.status()
      samples.push({
        state: status.state,
        total: status.pool?.total ?? 0,
        pendingCreates: status.pool?.pendingCreates ?? 0,
      })
    }, 20)

    const acceptedBefore = proxy.accepted
    const start = performance.now()
    proxy.blackhole(true)

    const leftAt = await r.reach('connecting', 3_000, start)
    const failedAt = await r.reach('failed', 3_000, start)
    // The probe reuses the connection it released 300 ms before (within the pool's 500 ms
    // validation bypass), so it is its query that times out; were the timer late enough for the
    // pool to validate the connection first, the pool's wait for it would time out instead.
    const detection = r.attempts.find((a) => a.t >= start)!.value
    expect(detection.trigger).toBe('probe')
    expect(['timeout', 'pool-exhausted']).toContain(detection.errorCode)
    console.info(
      `left connected after ${Math.round(leftAt - start)} ms, failed after ${Math.round(failedAt - start)} ms`,
    )
    // The probe (every 300 ms) gave up after its 300 ms timeout...
    expect(leftAt - start).toBeLessThanOrEqual(s.probeIntervalMs + s.probeTimeoutMs + SLACK_MS)
    // ...and one reconnect attempt later (after the first backoff delay, timing out connecting).
    const firstDelayMax = s.backoffBaseMs * (1 + s.backoffJitter)
    expect(failedAt - leftAt).toBeLessThanOrEqual(firstDelayMax + CONNECT_TIMEOUT_MS + SLACK_MS)

    // While it is down: acquire answers within its own timeout (the pool's idle connection needs
    // validating, which hangs, and it opens no new one), status and timeline at once.
    for (let i = 0; i < 2; i++) {
      const call = await timed(() => r.session.acquire({ timeoutMs: 400 }))
      expect(call.error).toMatchObject({
        code: expect.stringMatching(/^(pool-exhausted|database-unreachable)$/),
      })
      expect(call.ms).toBeLessThanOrEqual(400 + SLACK_MS)
    }
    const quick = performance.now()
    r.session.status()
    r.session.timeline()
    expect(performance.now() - quick).toBeLessThan(50)

    await hold(WINDOW_MS - (performance.now() - start))
    const endWall = Date.now()
    // An attempt whose timer fired in this loop turn has its socket accepted in this turn's poll
    // phase; no timer (so no new attempt) runs before the check phase.
    await new Promise((resolve) => setImmediate(resolve))
    const accepted = proxy.accepted - acceptedBefore
    proxy.blackhole(false)
    const healedAt = performance.now()
    clearInterval(sampler)

    // Healed: connected again by the next attempt, and it works.
    const back = await r.reach('connected', s.backoffCapMs + CONNECT_TIMEOUT_MS + 1_000, healedAt)
    console.info(`connected ${Math.round(back - healedAt)} ms after the blackhole ended`)

    // Every attempt that failed gave up at its connect timeout: none hung.
    const records = r.attempts.filter((a) => a.t >= start).map((a) => a.value)
    for (const a of records.filter((x) => x.trigger !== 'probe' && x.outcome === 'failure')) {
      expect(a.errorCode).toBe('timeout')
      expect(a.durationMs).toBeLessThanOrEqual(CONNECT_TIMEOUT_MS + SLACK_MS)
    }
    // Sockets opened through the proxy during the blackhole: exactly one per reconnect attempt
    // started in it (the last may still have been in flight), and no more attempts than the
    // backoff allows. The pool opened none: not even a replacement for the connection the failed
    // probe broke.
    const attempts = records.filter((a) => a.trigger !== 'probe' && a.at <= endWall).length
    const bound = maxAttemptsWithin(s, WINDOW_MS)
    console.info(
      `${accepted} sockets opened in ${WINDOW_MS} ms of blackhole; ${attempts} reconnect ` +
        `attempts (the backoff allows ${bound})`,
    )
    expect(accepted).toBe(attempts)
    expect(attempts).toBeLessThanOrEqual(bound)
    // This process never held more than the pool's max, and its pool opened nothing while the
    // profile was not connected.
    expect(samples.length).toBeGreaterThan(50)
    expect(Math.max(...samples.map((x) => x.total + x.pendingCreates))).toBeLessThanOrEqual(max)
    expect(samples.filter((x) => x.state !== 'connected' && x.pendingCreates > 0)).toEqual([])
    const lease = await r.session.acquire({ timeoutMs: 1_000 })
    try {
      expect((await lease.connection.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      lease.release()
    }
    // No socket is left over: the proxy carries exactly the pool's connections, as does the server.
    await until(
      'only the pool is connected',
      () => [proxy.connections, r.session.status().pool?.total],
      ([open, total]) => open === total,
    )
    await until(
      'the server sees only the pool',
      () => sessionsNamed(target, APP),
      (n) => n === r.session.status().pool?.total,
    )
  })
})
