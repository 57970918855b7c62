/** workload:changed: pushed on every change, and at most about once a second while running. */
import { describe, expect, it } from 'vitest'
import { settings, workloadOnPool } from './support'

describe('workload reporting', () => {
  it('reports at most once a second while running', async () => {
    const h = await workloadOnPool()
    h.workload.configure(settings({ clients: 4, ratePerSecond: 50 }))
    h.workload.setCanRun(true)
    const before = h.reports.length
    await h.clock.advance(20_000)
    const reports = h.reports.length - before
    expect(reports).toBeGreaterThanOrEqual(18)
    expect(reports).toBeLessThanOrEqual(21)
    const last = h.reports.at(-1)!
    expect(last).toMatchObject({ profileId: 'p1', running: true })
    expect(last.completed).toBeGreaterThan(900)
    h.workload.dispose()
  })

  it('a stopped workload reports nothing on its own', async () => {
    const h = await workloadOnPool()
    h.workload.configure(settings({ enabled: false }))
    const before = h.reports.length
    await h.clock.advance(10_000)
    expect(h.reports.length).toBe(before)
  })
})
