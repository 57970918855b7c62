import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { sharedHarness } from './support/shared-harness'

describe('who lends the connection of a shared sample (shared-sampling.ts)', () => {
  it('the first running member; when it stops, the next one', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const b = h.addMember()
    a.source.start()
    b.source.start()
    await h.clock.advance(0)
    expect(b.source.latest?.samplerPid).toBe(a.samplerPid)
    a.source.stop()
    await h.clock.advance(2_000)
    expect(b.source.latest?.samplerPid).toBe(b.samplerPid)
    expect(a.snapshots).toHaveLength(1) // stopped: no more samples for it
    expect(b.snapshots).toHaveLength(2)
    b.source.stop()
  })

  it('after a failed sample the next member lends, and every member hears of the failure', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const b = h.addMember()
    a.acquirer.refuse = new LifeguardError('service-unavailable', 'breaker open')
    a.source.start()
    b.source.start()
    await h.clock.advance(0)
    expect(a.errors).toHaveLength(1)
    expect(b.errors).toHaveLength(1)
    expect(b.source.lastError?.message).toMatch(/breaker open/)
    await h.clock.advance(2_000)
    expect(b.source.latest?.samplerPid).toBe(b.samplerPid)
    expect(a.source.latest?.samplerPid).toBe(b.samplerPid)
    expect(a.source.lastError).toBeUndefined()
    a.source.stop()
    b.source.stop()
  })

  it('stops with its last member: no timer left, and the group is forgotten', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const b = h.addMember()
    a.source.start()
    b.source.start()
    await h.clock.advance(2_000)
    a.source.stop()
    b.source.stop()
    expect(a.source.isRunning).toBe(false)
    await h.clock.advance(60_000)
    expect(h.clock.pendingTimers).toBe(0)
    expect(h.sampling.groupCount).toBe(0)
    expect(h.sampleQueries()).toBe(2)
    // Restarting makes a fresh group that samples at once.
    b.source.start()
    await h.clock.advance(0)
    expect(h.sampleQueries()).toBe(3)
    expect(h.sampling.groupCount).toBe(1)
    b.source.stop()
  })
})
