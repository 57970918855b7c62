import { describe, expect, it } from 'vitest'
import { sessionsByPid } from '../../../src/main/engine/sessions/sessions-by-pid'
import { sampler, session, snapshotOf } from './support/canned-rows'

describe("a sample's sessions by pid (sessions-by-pid.ts)", () => {
  it('maps every session by its pid, built once per snapshot', () => {
    const snap = snapshotOf([sampler(), session(101), session(102)])
    const map = sessionsByPid(snap)
    expect([...map.keys()].sort()).toEqual([101, 102, 900])
    expect(map.get(101)).toBe(snap.sessions.find((s) => s.pid === 101))
    expect(sessionsByPid(snap)).toBe(map)
  })

  it('another snapshot (another sample, or another profile’s view) gets its own map', () => {
    const a = snapshotOf([session(101)])
    const b = { ...a, sessions: a.sessions.map((s) => ({ ...s, own: true })) }
    expect(sessionsByPid(b)).not.toBe(sessionsByPid(a))
    expect(sessionsByPid(b).get(101)?.own).toBe(true)
    expect(sessionsByPid(a).get(101)?.own).toBe(false)
  })
})
