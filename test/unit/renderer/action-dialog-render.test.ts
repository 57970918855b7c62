/**
 * The confirmation before an action names the pid, user, database, application, client and state
 * and shows the whole query, all as text; the safe button has the focus. Lifeguard's own session
 * asks a second time: the action stays disabled until a checkbox is ticked.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  ActionConfirmationBody,
  type ActionRequest,
} from '../../../src/renderer/src/features/sessions/action-dialog'
import { byTestId, render, text } from './render-fixture'
import { active, idleInTransaction, PAYLOAD, S0, session } from './sessions-fixture'

function show(request: ActionRequest, pending = false) {
  return render(
    createElement(ActionConfirmationBody, {
      id: 'c',
      request,
      pending,
      onConfirm: () => undefined,
      onCancel: () => undefined,
    }),
    S0,
  )
}

const danger = (html: string) =>
  /<button[^>]*data-testid="confirm-action"[^>]*>/.exec(html)?.[0] ?? ''

describe('action confirmation', () => {
  it('terminate: names the session and shows its query, as text', () => {
    const s = idleInTransaction(4242, 75_000, {
      user: `bob${PAYLOAD}`,
      application: PAYLOAD,
      query: `UPDATE t SET v = '${PAYLOAD}'\nWHERE id = 1`,
    })
    const html = show({ action: 'terminate', session: s })
    expect(text(byTestId(html, 'action-confirm'))).toContain('Terminate session 4242?')
    expect(text(byTestId(html, 'confirm-pid'))).toBe('4242')
    expect(text(byTestId(html, 'confirm-user'))).toBe(`bob${PAYLOAD}`)
    expect(text(byTestId(html, 'confirm-application'))).toBe(PAYLOAD)
    expect(text(byTestId(html, 'confirm-database'))).toBe('app')
    expect(text(byTestId(html, 'confirm-state'))).toBe('idle in transaction')
    // The whole query, line breaks kept, escaped.
    expect(byTestId(html, 'confirm-query')).toContain(
      '&lt;img src=x onerror=alert(1)&gt;&#x27;\nWHERE',
    )
    expect(html).not.toContain('<img')
    expect(text(html)).toContain('an open transaction is rolled back')
    expect(danger(html)).not.toContain('disabled')
    expect(html).toMatch(/<button[^>]*autofocus=""[^>]*>Back<\/button>/)
  })

  it('cancel: its own title and consequence', () => {
    const html = show({ action: 'cancel', session: active(77, 9_000) })
    expect(text(byTestId(html, 'action-confirm'))).toContain('Cancel the query of session 77?')
    expect(text(html)).toContain('the session stays connected')
    expect(html).toMatch(/data-testid="confirm-action"[^>]*>Cancel query<\/button>/)
  })

  it('a hidden session: the reason instead of a query, no blanks', () => {
    const s = session(9, {
      user: null,
      query: null,
      queryHidden: true,
      state: null,
      application: null,
    })
    const html = show({ action: 'terminate', session: s })
    expect(text(byTestId(html, 'confirm-query'))).toBe('query hidden: needs pg_monitor')
    expect(text(byTestId(html, 'confirm-user'))).toBe('(hidden)')
    expect(text(byTestId(html, 'confirm-application'))).toBe('–')
  })

  it('one of Lifeguard’s own sessions: a warning and a checkbox before the action is possible', () => {
    const html = show({
      action: 'terminate',
      session: session(12, { own: true, application: 'lifeguard' }),
    })
    expect(text(byTestId(html, 'own-warning'))).toContain('This is one of Lifeguard’s own sessions')
    expect(byTestId(html, 'own-ack')).toBeDefined()
    expect(danger(html)).toContain('disabled=""')
    expect(show({ action: 'terminate', session: session(13) })).not.toContain('own-ack')
  })

  it('while the request is out, the action is busy and cannot be sent twice', () => {
    const html = show({ action: 'terminate', session: session(14) }, true)
    expect(danger(html)).toContain('disabled=""')
    expect(danger(html)).toContain('aria-busy="true"')
  })
})
