/**
 * The JSON metrics snapshot carries each profile's engine events (newest first, at most
 * EXPORTED_EVENTS) next to its series and alerts, without the password.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { EXPORTED_EVENTS } from '../../../src/main/engine/monitor/profile-sessions'
import { stubMonitor } from './support'

let h: ReturnType<typeof stubMonitor>
afterEach(async () => h.close())

describe('events in the JSON export', () => {
  it('lists the profile events newest first, bounded', async () => {
    h = stubMonitor()
    const p = h.monitor.saveProfile(undefined, h.draft('prod'))
    await h.monitor.connect(p.id)
    h.monitor.drain(p.id, {})
    await h.clock.advance(10)
    h.monitor.resume(p.id)
    await h.clock.advance(2_000)
    const file = h.monitor.exportMetrics([p.id], 'json', '5m')
    const snapshot = JSON.parse(file.content) as {
      profiles: Array<{ events: Array<{ seq: number; kind: string }> }>
    }
    const events = snapshot.profiles[0]!.events
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['drain-started', 'drain-ended', 'connection-state-changed']),
    )
    const seqs = events.map((e) => e.seq)
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs)
    expect(events.length).toBe(h.monitor.listEvents(p.id, { limit: 5000 }).total)
    expect(file.content).not.toContain('sekret-pw-1234')

    // Bounded: a profile with more events than that exports the newest EXPORTED_EVENTS.
    for (let i = 0; i < 100; i++) {
      await h.monitor.connect(p.id)
      await h.monitor.disconnect(p.id)
    }
    const big = JSON.parse(h.monitor.exportMetrics([p.id], 'json', '5m').content) as typeof snapshot
    expect(h.monitor.listEvents(p.id, {}).total).toBeGreaterThan(EXPORTED_EVENTS)
    expect(big.profiles[0]!.events).toHaveLength(EXPORTED_EVENTS)
  })
})
