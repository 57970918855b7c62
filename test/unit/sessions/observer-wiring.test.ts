import { describe, expect, it } from 'vitest'
import { TypedEmitter } from '../../../src/main/engine/core/emitter'
import type { PoolEvents } from '../../../src/main/engine/pool/engine'
import type { AlertChanges, SessionAlert } from '../../../src/main/engine/sessions/alert-types'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { FakeClock } from '../../helpers/fake-clock'
import { idleInTransaction, rowsOf, sampler, session, type CannedRow } from './support/canned-rows'
import { StubAcquirer } from './support/stub-acquirer'

function setup() {
  const clock = new FakeClock()
  let rows: CannedRow[] = [sampler(), idleInTransaction(301, 70_000)]
  let failing = false
  const acquirer = new StubAcquirer((text) => {
    if (failing) throw new Error('connection terminated unexpectedly')
    if (!text.includes('WITH settings')) return [{ server_version_num: 180004 }]
    return rowsOf(rows)
  })
  const reports: Array<{ changes: AlertChanges; alerts: SessionAlert[] }> = []
  const observer = new SessionObserver({
    acquirer,
    clock,
    onAlerts: (changes, alerts) => reports.push({ changes, alerts }),
  })
  return {
    clock,
    observer,
    reports,
    setRows: (r: CannedRow[]) => (rows = r),
    fail: (on: boolean) => (failing = on),
  }
}

describe('the session observer wires samples and pool events into the alerts (session-observer.ts)', () => {
  it('raises alerts from samples and keeps them through a failed sample', async () => {
    const h = setup()
    h.observer.start()
    await h.clock.advance(0)
    expect(h.reports.at(-1)?.changes.raised.map((a) => a.kind)).toEqual(['idle-in-transaction'])
    h.fail(true)
    await h.clock.advance(2_000)
    expect(h.observer.lastError).toBeDefined()
    expect(h.observer.alerts().filter((a) => a.resolvedAt === null)).toHaveLength(1)
    h.fail(false)
    h.setRows([sampler(), session(301)])
    await h.clock.advance(2_000)
    expect(h.reports.at(-1)?.changes.resolved.map((a) => a.kind)).toEqual(['idle-in-transaction'])
    h.observer.stop()
  })

  it("takes the pool's leak, leak-resolved and removed events until unwatched", async () => {
    const h = setup()
    const pool = new TypedEmitter<PoolEvents>()
    const unwatch = h.observer.watchPool(pool)
    await h.observer.sample()
    pool.emit('leak', {
      connectionId: 3,
      backendPid: 301,
      holder: 'job',
      site: 'at x',
      heldMs: 31_000,
    })
    const leak = h.observer.alerts().find((a) => a.kind === 'leak')
    expect(leak).toMatchObject({
      serverMatch: 'matched',
      session: { state: 'idle in transaction' },
    })
    pool.emit('leak-resolved', { connectionId: 3, backendPid: 301, holder: 'job', heldMs: 40_000 })
    expect(h.observer.alerts().find((a) => a.kind === 'leak')?.resolvedAt).not.toBeNull()
    pool.emit('leak', {
      connectionId: 4,
      backendPid: 302,
      holder: 'job',
      site: 'at x',
      heldMs: 31_000,
    })
    pool.emit('removed', { connectionId: 4, backendPid: 302, reason: 'broken' })
    expect(h.observer.alerts().filter((a) => a.kind === 'leak' && a.resolvedAt === null)).toEqual(
      [],
    )
    unwatch()
    pool.emit('leak', {
      connectionId: 5,
      backendPid: 303,
      holder: 'job',
      site: 'at x',
      heldMs: 31_000,
    })
    expect(h.observer.alerts().some((a) => a.id === 'leak:5')).toBe(false)
  })

  it('needs a sample before it can show a confirmation', async () => {
    const h = setup()
    expect(() => h.observer.confirmation(301, 'cancel')).toThrow(
      expect.objectContaining({ code: 'invalid-state' }),
    )
    await h.observer.sample()
    expect(h.observer.confirmation(301, 'cancel').pid).toBe(301)
  })
})
