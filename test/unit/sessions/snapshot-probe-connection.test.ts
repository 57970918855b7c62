/**
 * A sampler of its own (no shared sample) marks the profile's health-probe connection as it builds
 * the snapshot (session-snapshot.ts): `probe` and own on that pid only.
 */
import { describe, expect, it } from 'vitest'
import { sampler, session, snapshotOf } from './support/canned-rows'

describe('the snapshot marks the probe connection', () => {
  it('probe (and own) on the given pid, nothing on the others', () => {
    const snap = snapshotOf([sampler(), session(101, { application_name: 'psql' }), session(102)], {
      context: { probePids: new Set([101]) },
    })
    const probe = snap.sessions.filter((s) => s.probe === true)
    expect(probe.map((s) => [s.pid, s.own])).toEqual([[101, true]])
    expect(snap.sessions.find((s) => s.pid === 102)?.probe).toBeUndefined()
  })
})
