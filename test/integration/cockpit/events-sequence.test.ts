/**
 * The Events tab's list on the real server: connect, drain, resume and disconnect leave their
 * typed events in order (newest first in the list, sequence numbers decreasing), pushed live in
 * batches as events:recorded.
 */
import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../src/shared/cockpit'
import { eventually } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import { openCockpitMonitor, profileDraft, statusOf } from './support/cockpit-monitor'

const target = pgTarget()
const monitor = monitorPerTest(openCockpitMonitor)

/** `expected` appears in `kinds` in this order (other kinds may come between). */
function inOrder(kinds: string[], expected: string[]): boolean {
  let i = 0
  for (const k of kinds) if (k === expected[i]) i++
  return i === expected.length
}

describe('the events of a connection', () => {
  it('lists connect, drain, resume and disconnect in order', async () => {
    const live: EngineEvent[] = []
    monitor.events.on('events:recorded', (batch) => live.push(...batch.events))
    const profile = monitor.saveProfile(undefined, profileDraft(target, 'lifeguard-cockpit-events'))
    await monitor.connect(profile.id)
    monitor.drain(profile.id, {})
    await eventually(async () => statusOf(monitor, profile.id).poolState === 'drained')
    monitor.resume(profile.id)
    await monitor.disconnect(profile.id)

    const page = monitor.listEvents(profile.id, { limit: 5000 })
    const seqs = page.events.map((e) => e.seq)
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs)
    const oldestFirst = page.events.map((e) => e.kind).reverse()
    expect(
      inOrder(oldestFirst, [
        'connection-state-changed',
        'attempt',
        'connection-state-changed',
        'connection-created',
        'drain-started',
        'pool-state-changed',
        'connection-removed',
        'pool-state-changed',
        'drain-ended',
        'pool-state-changed',
        'connection-state-changed',
        'connection-state-changed',
      ]),
    ).toBe(true)
    const states = page.events
      .filter((e) => e.kind === 'connection-state-changed')
      .map((e) => e.data['to'])
      .reverse()
    expect(states).toEqual(['connecting', 'connected', 'disconnecting', 'disconnected'])
    expect(page.events.find((e) => e.kind === 'drain-ended')!.message).toMatch(/^drain finished/)
    // Everything listed was also pushed live (batches come within 250 ms).
    await eventually(async () => live.length >= page.total)
    expect(live.map((e) => e.seq).sort((a, b) => b - a)).toEqual(seqs)
    expect(JSON.stringify(page)).not.toContain(target.password)
  })
})
