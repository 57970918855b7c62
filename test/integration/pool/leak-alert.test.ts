/**
 * Leak detection on real connections: a lease held past leakDetectionMs raises one `leak` event
 * naming the holder, the acquire site (this file) and the backend pid the server shows for the
 * pool's application; returning it raises `leak-resolved` (reliability.md E.28).
 * leakDetectionMs is 1000, the smallest the options accept.
 */
import { describe, expect, it } from 'vitest'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import { nextEvent, serverPidOf } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx

describe('leak alert on real connections', () => {
  it('fires once with the acquire site and backend pid, and resolves on release', async () => {
    const p = await fx.start({
      max: 3,
      min: 1,
      leakDetectionMs: 1_000,
      leakSiteCapture: 'always',
    })
    const leaks: PoolEvents['leak'][] = []
    p.on('leak', (e) => leaks.push(e))
    const firstLeak = nextEvent(p, 'leak', () => true, 3_000)

    // A short, returned lease is not a leak.
    const brief = await p.acquire({ holder: 'brief' })
    await serverPidOf(brief)
    brief.release()

    const acquiredAt = performance.now()
    const lease = await p.acquire({ holder: 'report-builder' })
    const pid = await serverPidOf(lease)
    expect(pid).toBe(lease.backendPid)

    const leak = await firstLeak
    const reportedAfter = performance.now() - acquiredAt
    expect(reportedAfter).toBeGreaterThanOrEqual(990)
    expect(reportedAfter).toBeLessThan(2_000)
    expect(leak).toMatchObject({
      connectionId: lease.id,
      backendPid: pid,
      holder: 'report-builder',
    })
    expect(leak.heldMs).toBeGreaterThanOrEqual(1_000)
    expect(leak.site).toContain('leak-alert.test.ts')
    expect(leak.site).not.toMatch(/^unknown/)
    // The reported backend is a live session of this pool's application on the server.
    const row = await fx.admin.query<{ application_name: string }>(
      'SELECT application_name FROM pg_stat_activity WHERE pid = $1',
      [leak.backendPid],
    )
    expect(row).toEqual([{ application_name: appName }])

    // The connection still works while reported; only one report per lease.
    expect(await serverPidOf(lease)).toBe(pid)
    const resolved = nextEvent(p, 'leak-resolved', () => true, 1_000)
    lease.release()
    const r = await resolved
    expect(r).toMatchObject({ connectionId: lease.id, backendPid: pid, holder: 'report-builder' })
    expect(r.heldMs).toBeGreaterThanOrEqual(leak.heldMs)
    expect(leaks).toHaveLength(1)
    expect(p.metrics().counters.leaks).toBe(1)
    expect(p.stats()).toMatchObject({ active: 0 })
  })
})
