import { describe, expect, it } from 'vitest'
import { IDENTITY, sharedHarness } from './support/shared-harness'

describe('profiles on one server share one sampler (shared-sampling.ts)', () => {
  it('samples once per interval for all of them, and each gets every sample', async () => {
    const h = sharedHarness()
    const members = [h.addMember(), h.addMember(), h.addMember()]
    for (const m of members) m.source.start()
    await h.clock.advance(0)
    await h.clock.advance(2_000 * 4)
    expect(h.sampleQueries()).toBe(5)
    for (const m of members) {
      expect(m.snapshots).toHaveLength(5)
      expect(m.source.latest?.sessions.map((s) => s.pid)).toEqual([101, 102, 103, 900])
    }
    // One sample, one object: the members see the very same snapshot (nothing of theirs to mark).
    expect(members[1]!.source.latest).toBe(members[0]!.source.latest)
    expect(h.sampling.groupCount).toBe(1)
    for (const m of members) m.source.stop()
  })

  it('keeps profiles of another server, role or sampling settings apart', async () => {
    const h = sharedHarness()
    const a = h.addMember()
    const otherServer = h.addMember({ identity: '["db.example", 5433, "app"]' })
    const otherRole = h.addMember({ identity: '["db.example", 5432, "report"]' })
    const slower = h.addMember({ identity: IDENTITY, settings: { sampleIntervalMs: 3_000 } })
    const noPartition = h.addMember({ identity: IDENTITY, partition: null })
    for (const m of [a, otherServer, otherRole, slower, noPartition]) m.source.start()
    await h.clock.advance(0)
    expect(h.sampling.groupCount).toBe(5)
    expect(h.sampleQueries()).toBe(5)
    for (const m of [a, otherServer, otherRole, slower, noPartition])
      expect(m.source.latest?.samplerPid).toBe(m.samplerPid)
    expect(noPartition.acquirer.acquires[0]?.partition).toBeUndefined()
    expect(a.acquirer.acquires[0]?.partition).toBe('monitor')
    for (const m of [a, otherServer, otherRole, slower, noPartition]) m.source.stop()
  })
})
