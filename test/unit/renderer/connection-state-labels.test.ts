/** Every connection state has an icon AND words: colour is never the only signal. */
import { describe, expect, it } from 'vitest'
import {
  connectionStateLabels,
  holdsPool,
  isBusy,
} from '../../../src/renderer/src/lib/connection-state'
import { connectionStates, type ConnectionState } from '../../../src/shared/domain'

describe('connection state labels', () => {
  it('labels exactly the states of the domain', () => {
    expect(Object.keys(connectionStateLabels).sort()).toEqual([...connectionStates].sort())
  })

  it.each(connectionStates)('%s has a visible icon and a text', (state) => {
    const label = connectionStateLabels[state]
    expect(label.icon.trim()).not.toBe('')
    expect(label.text.trim()).not.toBe('')
    // The icon is a symbol, not a word; the text carries the meaning.
    expect(label.icon).not.toMatch(/[A-Za-z]/)
    expect(label.text).toMatch(/^[A-Z]/)
  })

  it('no two states share the same text', () => {
    const texts = connectionStates.map((s) => connectionStateLabels[s].text)
    expect(new Set(texts).size).toBe(texts.length)
  })

  it('no two states share the same icon-and-text pair', () => {
    const pairs = connectionStates.map(
      (s) => `${connectionStateLabels[s].icon} ${connectionStateLabels[s].text}`,
    )
    expect(new Set(pairs).size).toBe(pairs.length)
  })

  it.each<[ConnectionState, boolean, boolean]>([
    ['disconnected', false, false],
    ['connecting', true, false],
    ['connected', false, true],
    ['disconnecting', true, true],
    ['failed', false, false],
  ])('%s: busy=%s, holds a pool=%s', (state, busy, pool) => {
    expect(isBusy(state)).toBe(busy)
    expect(holdsPool(state)).toBe(pool)
  })
})
