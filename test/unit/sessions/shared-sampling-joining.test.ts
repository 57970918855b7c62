import { describe, expect, it } from 'vitest'
import { session } from './support/canned-rows'
import { sharedHarness } from './support/shared-harness'

describe('joining a shared sampler and sampling on demand (shared-sampling.ts)', () => {
  it('a member joining a running group gets its latest sample at once, then the schedule', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    a.source.start()
    await h.clock.advance(1_000)
    const b = h.addMember()
    b.source.start()
    expect(b.snapshots).toHaveLength(0)
    await h.clock.advance(0)
    expect(b.snapshots).toHaveLength(1)
    expect(b.source.latest?.sampledAt).toBe(a.source.latest?.sampledAt)
    expect(h.sampleQueries()).toBe(1)
    await h.clock.advance(1_000) // the group's next sample, 2 s after its first
    expect(h.sampleQueries()).toBe(2)
    expect(b.snapshots).toHaveLength(2)
    a.source.stop()
    b.source.stop()
  })

  it("a sample on demand goes through the asking member's connection and reaches all", async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const b = h.addMember()
    a.source.start()
    b.source.start()
    await h.clock.advance(0)
    h.setServerSessions([session(101)])
    const fresh = await b.source.sample()
    expect(fresh.samplerPid).toBe(b.samplerPid)
    expect(fresh.sessions.map((s) => s.pid)).toEqual([101, 901])
    expect(a.source.latest).toBe(fresh)
    expect(a.snapshots).toHaveLength(2)
    expect(b.snapshots).toHaveLength(2)
    a.source.stop()
    b.source.stop()
  })

  it('a member that is not running can still sample now, and is told of it alone', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const b = h.addMember()
    const snap = await a.source.sample()
    expect(snap.samplerPid).toBe(a.samplerPid)
    expect(a.snapshots).toEqual([snap])
    expect(a.source.latest).toBe(snap)
    expect(b.snapshots).toHaveLength(0)
    expect(h.sampling.groupCount).toBe(0)
    expect(h.clock.pendingTimers).toBe(0)
  })
})
