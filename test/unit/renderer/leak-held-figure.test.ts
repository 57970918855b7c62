/**
 * The Alerts tab shows a leak's time held by the same duration rule main's message uses
 * (src/shared/duration-text.ts): "held 3.6 s" for 3 650 ms, never "3.7 s" or "4 s".
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { AlertList } from '../../../src/renderer/src/features/sessions/alert-list'
import { durationText } from '../../../src/shared/duration-text'
import type { SessionAlert } from '../../../src/shared/sessions'
import { byTestId, render, text } from './render-fixture'
import { leakAlert, S0 } from './sessions-fixture'

describe('a leak’s time held on screen', () => {
  it.each([3_650, 9_999, 42_400, 125_300])('%s ms', (heldMs) => {
    const base = leakAlert(null)
    if (base.kind !== 'leak') throw new Error('not a leak')
    const alert = { ...base, leak: { ...base.leak, heldMs } } as SessionAlert
    const html = render(createElement(AlertList, { alerts: [alert] }), S0)
    expect(text(byTestId(html, 'leak-held'))).toBe(`held ${durationText(heldMs)}`)
  })

  it('3 650 ms reads 3.6 s', () => {
    expect(durationText(3_650)).toBe('3.6 s')
  })
})
