/**
 * The overlay also marks the profile's health-probe connection (`probe`, and own), copying only
 * when something changes; a session already marked is left as it is.
 */
import { describe, expect, it } from 'vitest'
import { withOwnSessions } from '../../../src/main/engine/sessions/own-sessions-overlay'
import { sampler, session, snapshotOf } from './support/canned-rows'

describe("the probe's connection over a shared sample (own-sessions-overlay.ts)", () => {
  const base = snapshotOf([sampler(), session(101), session(102)])

  it('is marked probe and own; the rest as it was', () => {
    const view = withOwnSessions(base, new Set(), new Set([102]))
    const marked = view.sessions.filter((s) => s.probe === true).map((s) => s.pid)
    expect(marked).toEqual([102])
    expect(view.sessions.find((s) => s.pid === 102)?.own).toBe(true)
    expect(view.sessions.find((s) => s.pid === 101)).toBe(base.sessions.find((s) => s.pid === 101))
    expect(base.sessions.some((s) => s.probe === true)).toBe(false)
  })

  it('no copy when the probe connection is already marked', () => {
    const once = withOwnSessions(base, new Set(), new Set([102]))
    expect(withOwnSessions(once, new Set(), new Set([102]))).toBe(once)
  })
})
