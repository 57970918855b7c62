/**
 * The card's buttons follow the state: Connect when there is nothing to stop; Disconnect while
 * connected; while main retries (connecting or failed with a session) Reconnect now and
 * Disconnect; a connect in flight shows a busy Connect. Open (the profile's view) is always there.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { CardActions } from '../../../src/renderer/src/features/profiles/card-actions'
import type { ProfileActions } from '../../../src/renderer/src/features/profiles/use-profile-actions'
import type { ConnectionState } from '../../../src/shared/domain'
import { render, text } from './render-fixture'

function actions(overrides: Partial<ProfileActions> = {}): ProfileActions {
  const none = async () => undefined
  return {
    request: null,
    testing: false,
    error: null,
    test: null,
    askingPassword: false,
    connect: none,
    disconnect: none,
    reconnectNow: none,
    runTest: none,
    cancelPassword: () => undefined,
    ...overrides,
  }
}

function buttons(state: ConnectionState, hasSession: boolean, a = actions()) {
  const html = render(
    createElement(CardActions, {
      profileId: 'p1',
      profileName: 'orders',
      state,
      hasSession,
      actions: a,
    }),
  )
  return [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].map((m) => ({
    name: text(m[2]),
    disabled: / disabled=""/.test(m[1] ?? ''),
  }))
}

const names = (list: { name: string }[]) => list.map((b) => b.name)
const tail: string[] = []

describe('card actions', () => {
  it('disconnected: Connect', () => {
    expect(names(buttons('disconnected', false))).toEqual(['Connect', ...tail])
  })

  it('connected: Disconnect', () => {
    expect(names(buttons('connected', true))).toEqual(['Disconnect', ...tail])
  })

  it.each(['connecting', 'failed'] as const)(
    '%s while main retries: Reconnect now and Disconnect, both enabled',
    (state) => {
      const list = buttons(state, true)
      expect(names(list)).toEqual(['Reconnect now', 'Disconnect', ...tail])
      expect(list.slice(0, 2).every((b) => !b.disabled)).toBe(true)
    },
  )

  it('failed without a session (connect was refused before it started): Connect', () => {
    expect(names(buttons('failed', false))).toEqual(['Connect', ...tail])
  })

  it('a connect in flight: one busy Connect, nothing to press twice', () => {
    const list = buttons('connecting', true, actions({ request: 'connect' }))
    expect(names(list)).toEqual(['Connect', ...tail])
    expect(list[0]?.disabled).toBe(true)
  })

  it('a reconnect in flight disables Reconnect now and Disconnect', () => {
    const list = buttons('failed', true, actions({ request: 'reconnect' }))
    expect(list.slice(0, 2).map((b) => b.disabled)).toEqual([true, true])
  })

  it('disconnecting: a disabled Disconnect', () => {
    const list = buttons('disconnecting', true)
    expect(names(list)).toEqual(['Disconnect', ...tail])
    expect(list[0]?.disabled).toBe(true)
  })

  it.each(['disconnected', 'connected', 'failed'] as const)(
    '%s: Open links to the profile view, named for the profile',
    (state) => {
      const html = render(
        createElement(CardActions, {
          profileId: 'p1',
          profileName: 'orders',
          state,
          hasSession: state !== 'disconnected',
          actions: actions(),
        }),
      )
      expect(html).toMatch(/<a[^>]*href="#\/profile\/p1\/overview"[^>]*aria-label="Open orders"/)
    },
  )

  it('while the password prompt is open the card has no second Connect', () => {
    expect(names(buttons('disconnected', false, actions({ askingPassword: true })))).toEqual(tail)
  })
})
