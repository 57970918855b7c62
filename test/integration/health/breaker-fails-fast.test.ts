/**
 * The circuit breaker on a real pool: once the database has been unreachable for
 * unavailableAfterMs (1 s here), callers already waiting for a connection are rejected with
 * 'service-unavailable' at that moment, and new acquires fail at once with it, carrying a
 * retry-after hint of at most 60 s (the time to the next attempt). After recovery acquire works
 * again and the breaker is closed. The database is made unreachable by the fault proxy (new
 * connections refused, open ones reset), so the shared server serves; nothing is stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isServiceUnavailable } from '../../../src/main/engine/health/circuit-breaker'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'
import {
  paramsFor,
  recordedSession,
  sizing,
  type RecordedSession,
} from '../../helpers/pg-server-control'

const UNAVAILABLE_AFTER_MS = 1_000
/** Timer lateness allowed on a loaded machine. */
const SLACK_MS = 250
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

/** The rejection of `promise` and when it came (performance.now()). */
function rejection(promise: Promise<unknown>): Promise<{ t: number; error: unknown }> {
  return promise.then(
    () => ({ t: performance.now(), error: new Error('resolved, but a rejection was expected') }),
    (error: unknown) => ({ t: performance.now(), error }),
  )
}

describe('the circuit breaker', () => {
  it('rejects waiters and fails fast once unavailable, and closes on recovery', async () => {
    const r = (rec = recordedSession({
      probeIntervalMs: 200,
      probeTimeoutMs: 200,
      backoffBaseMs: 200,
      backoffCapMs: 1_000,
      unavailableAfterMs: UNAVAILABLE_AFTER_MS,
    }))
    const s = r.settings
    // A long acquire timeout: only the breaker can reject the waiters within this test.
    await r.session.connect(
      paramsFor(target, { route: proxy, applicationName: 'lg-health-breaker' }),
      sizing({ acquireTimeoutMs: 10_000 }),
    )

    const downAt = performance.now()
    await proxy.refuseNew(true)
    proxy.resetAll()
    const lost = await r.waitFor('connection lost', (x) => x.state !== 'connected', 2_000, downAt)
    expect(lost.value.health?.breaker).toBe('closed')

    // Callers that wait while the breaker is still closed: the pool is empty and opens nothing.
    // Lifeguard's own session sampler may be waiting too (it acquires through the same breaker).
    const before = r.session.status().pool?.waiting ?? 0
    const waiters = [0, 1, 2].map(() => rejection(r.session.acquire()))
    expect(r.session.status().pool?.waiting).toBe(before + 3)

    const opened = await r.waitFor(
      'breaker open',
      (x) => x.health?.breaker === 'open',
      UNAVAILABLE_AFTER_MS + 2_000,
      downAt,
    )
    // Measured from when the database became unreachable (when the failing probe began, as the
    // profile reports it; a wall-clock time, brought onto performance.now()).
    const unreachableAt = lost.value.health!.unreachableSince! - (Date.now() - performance.now())
    const openedAfterMs = opened.t - unreachableAt
    console.info(
      `breaker opened ${Math.round(openedAfterMs)} ms after the database became unreachable`,
    )
    expect(openedAfterMs).toBeGreaterThanOrEqual(UNAVAILABLE_AFTER_MS - 5)
    expect(openedAfterMs).toBeLessThanOrEqual(UNAVAILABLE_AFTER_MS + SLACK_MS)

    // The waiters were rejected as it opened, long before their own 10 s timeout.
    for (const { t, error } of await Promise.all(waiters)) {
      expect(isServiceUnavailable(error)).toBe(true)
      expect(Math.abs(t - opened.t)).toBeLessThan(100)
      const retryAfterMs = (error as { retryAfterMs: number }).retryAfterMs
      expect(retryAfterMs).toBeGreaterThanOrEqual(0)
      expect(retryAfterMs).toBeLessThanOrEqual(s.retryAfterMaxMs)
    }
    expect(r.session.status().pool?.waiting).toBe(0)

    // New callers fail fast, with the time to the next attempt as the hint.
    const asked = performance.now()
    const fast = await rejection(r.session.acquire())
    expect(fast.t - asked).toBeLessThan(50)
    expect(fast.error).toMatchObject({ code: 'service-unavailable' })
    const retryAfterMs = (fast.error as { retryAfterMs: number }).retryAfterMs
    const next = r.session.status().health?.nextAttemptAt ?? null
    // With no attempt scheduled (one is running), the hint is the longest: retryAfterMaxMs.
    const expected = next === null ? s.retryAfterMaxMs : next - Date.now()
    expect(retryAfterMs).toBeLessThanOrEqual(s.retryAfterMaxMs)
    expect(Math.abs(retryAfterMs - expected)).toBeLessThan(100)

    // Recovery: the next attempt connects, the breaker closes, acquire works.
    const upAt = performance.now()
    await proxy.refuseNew(false)
    await r.reach('connected', s.backoffCapMs + 1_000, upAt)
    expect(r.session.status().health?.breaker).toBe('closed')
    const lease = await r.session.acquire({ timeoutMs: 1_000 })
    try {
      expect((await lease.connection.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      lease.release()
    }
  })
})
