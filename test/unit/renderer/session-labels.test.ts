/** Ages, client addresses, usage levels and state words as the sessions view shows them. */
import { describe, expect, it } from 'vitest'
import {
  clientText,
  formatAge,
  percentText,
  stateLabel,
  usageLevel,
  usageText,
} from '../../../src/renderer/src/lib/session-labels'

describe('session labels', () => {
  it('ages: ms, tenths of seconds, whole seconds, then minutes; a dash when there is none', () => {
    expect(formatAge(null)).toBe('–')
    expect(formatAge(0)).toBe('0 ms')
    expect(formatAge(953.4)).toBe('953 ms')
    expect(formatAge(1_450)).toBe('1.4 s')
    expect(formatAge(9_990)).toBe('9.9 s')
    expect(formatAge(59_940)).toBe('59 s')
    expect(formatAge(125_000)).toBe('2 min 05 s')
    expect(formatAge(-5)).toBe('0 ms')
  })

  it('client: address and port, IPv6 in brackets, a Unix socket by name', () => {
    expect(clientText({ clientAddress: '10.0.0.5', clientPort: 51234 })).toBe('10.0.0.5:51234')
    expect(clientText({ clientAddress: '::1', clientPort: 40000 })).toBe('[::1]:40000')
    expect(clientText({ clientAddress: null, clientPort: -1 })).toBe('local socket')
    expect(clientText({ clientAddress: null, clientPort: null })).toBe('–')
  })

  it('usage: warning from 80 %, critical from 95 %, as the connections alert', () => {
    expect(usageLevel(0.79)).toBe('ok')
    expect(usageLevel(0.8)).toBe('warning')
    expect(usageLevel(0.949)).toBe('warning')
    expect(usageLevel(0.95)).toBe('critical')
    expect(usageLevel(1.02)).toBe('critical')
  })

  it('percentages are whole, and a tiny share is not "0 %"', () => {
    expect(percentText(0)).toBe('0 %')
    expect(percentText(0.004)).toBe('<1 %')
    expect(percentText(0.0412)).toBe('4 %')
    expect(usageText({ used: 4, available: 97, ratio: 4 / 97 })).toBe('4 of 97 connections (4 %)')
  })

  it("states: an icon and the server's word; an unknown word is shown as it is", () => {
    expect(stateLabel('idle in transaction')).toEqual({
      icon: '◐',
      text: 'idle in transaction',
      tone: 'xact',
    })
    expect(stateLabel('starting')).toEqual({ icon: '·', text: 'starting', tone: 'other' })
    expect(stateLabel(null, true)).toEqual({ icon: '⊘', text: 'hidden', tone: 'hidden' })
    expect(stateLabel(null)).toEqual({ icon: '·', text: '–', tone: 'other' })
  })
})
