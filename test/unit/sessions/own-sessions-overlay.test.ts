import { describe, expect, it } from 'vitest'
import { withOwnSessions } from '../../../src/main/engine/sessions/own-sessions-overlay'
import { sampler, session, snapshotOf } from './support/canned-rows'

describe("one profile's own sessions over a shared sample (own-sessions-overlay.ts)", () => {
  const base = snapshotOf([sampler(), session(101), session(102), session(103)])

  it('marks the given pids own and leaves everything else as it was', () => {
    const view = withOwnSessions(base, new Set([102, 103]))
    expect(view.sessions.filter((s) => s.own).map((s) => s.pid)).toEqual([102, 103, 900])
    expect(base.sessions.filter((s) => s.own).map((s) => s.pid)).toEqual([900])
    expect({ ...view, sessions: [] }).toEqual({ ...base, sessions: [] })
    expect(view.sessions[0]).toBe(base.sessions[0])
  })

  it('hands back the same snapshot when there is nothing to mark', () => {
    expect(withOwnSessions(base, new Set())).toBe(base)
    expect(withOwnSessions(base, new Set([900, 4242]))).toBe(base)
  })
})
