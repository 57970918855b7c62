/**
 * Lifeguard's health-probe connection is offered no Cancel / Terminate, like the sampler's own
 * connection; the other own connections keep both (behind the double confirmation).
 */
import { describe, expect, it } from 'vitest'
import { actionAvailability } from '../../../src/renderer/src/features/sessions/session-actions'
import { session } from './sessions-fixture'

describe('session actions: the health probe’s connection', () => {
  it('has none, and says why', () => {
    const probe = session(21, { own: true, probe: true, application: 'lifeguard' })
    for (const action of ['cancel', 'terminate'] as const)
      expect(actionAvailability(probe, action, true)).toEqual({
        allowed: false,
        reason: 'Lifeguard’s health probe',
      })
  })

  it('another own pool connection keeps Terminate', () => {
    const pooled = session(22, { own: true, probe: false, application: 'lifeguard' })
    expect(actionAvailability(pooled, 'terminate', true)).toEqual({ allowed: true })
  })
})
