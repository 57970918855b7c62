import { describe, expect, it } from 'vitest'
import { sharedHarness } from './support/shared-harness'

describe("each profile's own sessions in a shared sample (shared-sampling.ts)", () => {
  it("marks a profile's pool backends as its own, and only in its view", async () => {
    const h = sharedHarness()
    const a = h.addMember({ ownPids: [101] })
    const b = h.addMember({ ownPids: [102] })
    a.source.start()
    b.source.start()
    await h.clock.advance(0)
    const ownOf = (pids: { pid: number; own: boolean }[]) =>
      pids.filter((s) => s.own).map((s) => s.pid)
    // 900 is the sampler (a's backend): Lifeguard's own in both views.
    expect(ownOf(a.source.latest!.sessions)).toEqual([101, 900])
    expect(ownOf(b.source.latest!.sessions)).toEqual([102, 900])
    // What does not depend on the profile is the same.
    expect(b.source.latest!.counts).toEqual(a.source.latest!.counts)
    expect(b.source.latest!.samplerPid).toBe(a.samplerPid)
    // What each observer was handed is its own view too.
    expect(ownOf(b.snapshots[0]!.sessions)).toEqual([102, 900])
    a.source.stop()
    b.source.stop()
  })
})
