/**
 * A leak alert's message says the time held by the one duration rule the renderer also shows it
 * with (src/shared/duration-text.ts), when raised and as the hold goes on, so "… for 3.6 s" sits
 * next to "held 3.6 s" (test/unit/renderer/leak-held-figure.test.ts holds the renderer to it).
 */
import { describe, expect, it } from 'vitest'
import { durationText } from '../../../src/shared/duration-text'
import { alertsHarness } from './support/alerts-harness'
import { sampler, snapshotOf } from './support/canned-rows'

describe('leak alert message', () => {
  it.each([3_650, 9_999, 42_400, 125_300])('held %s ms', async (ms) => {
    const { alerts, clock } = alertsHarness()
    const raised = alerts.leakDetected({
      connectionId: 3,
      backendPid: undefined,
      holder: 'job',
      site: 'at x',
      heldMs: ms,
    })
    const first = raised.raised[0]!
    expect(first.message).toBe(`"job" has held pool connection 3 for ${durationText(ms)}`)
    await clock.advance(1_370)
    alerts.observe(snapshotOf([sampler()]))
    const later = alerts.get('leak:3')!
    if (later.kind !== 'leak') throw new Error('not a leak')
    expect(later.leak.heldMs).toBe(ms + 1_370)
    expect(later.message).toBe(
      `"job" has held pool connection 3 for ${durationText(later.leak.heldMs)}`,
    )
  })
})
