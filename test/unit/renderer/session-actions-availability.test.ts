/**
 * Which rows offer Cancel query and Terminate session: not while disconnected, never on the
 * sampler's own connection or on background processes the server will not signal, Cancel not on
 * an idle session (nothing runs); Lifeguard's own sessions keep them (the confirmation asks twice).
 */
import { describe, expect, it } from 'vitest'
import { actionAvailability } from '../../../src/renderer/src/features/sessions/session-actions'
import { active, idleInTransaction, session } from './sessions-fixture'

describe('session actions: availability', () => {
  it('an active client session can be cancelled and terminated', () => {
    const s = active(10, 5_000)
    expect(actionAvailability(s, 'cancel', true)).toEqual({ allowed: true })
    expect(actionAvailability(s, 'terminate', true)).toEqual({ allowed: true })
  })

  it('nothing while the profile is not connected', () => {
    expect(actionAvailability(active(10, 5_000), 'terminate', false)).toEqual({
      allowed: false,
      reason: 'the profile is not connected',
    })
  })

  it('an idle session has no query to cancel, but may be terminated', () => {
    const idle = idleInTransaction(10, 70_000)
    expect(actionAvailability(idle, 'cancel', true)).toEqual({
      allowed: false,
      reason: 'no query is running (idle in transaction)',
    })
    expect(actionAvailability(idle, 'terminate', true).allowed).toBe(true)
  })

  it('the sampler is never offered; an own pool connection is', () => {
    const sampler = active(11, 2, { own: true, sampler: true, application: 'lifeguard' })
    expect(actionAvailability(sampler, 'terminate', true)).toEqual({
      allowed: false,
      reason: 'Lifeguard’s sampler',
    })
    const pooled = session(12, { own: true, application: 'lifeguard' })
    expect(actionAvailability(pooled, 'terminate', true).allowed).toBe(true)
  })

  it('background processes: autovacuum workers yes, the others no', () => {
    const worker = active(13, 900, { client: false, backendType: 'autovacuum worker' })
    expect(actionAvailability(worker, 'cancel', true).allowed).toBe(true)
    const writer = session(14, { client: false, backendType: 'walwriter', state: null })
    expect(actionAvailability(writer, 'terminate', true)).toEqual({
      allowed: false,
      reason: 'a walwriter process',
    })
  })

  it('a hidden session (no state) may be acted on: the server decides', () => {
    const hidden = session(15, { state: null, queryHidden: true, user: null, query: null })
    expect(actionAvailability(hidden, 'cancel', true).allowed).toBe(true)
  })
})
