/** The palette's matching: characters in order, word starts and runs first, no match is null. */
import { describe, expect, it } from 'vitest'
import { fuzzyScore, rankByQuery } from '../../../src/renderer/src/features/palette/fuzzy-match'

describe('fuzzy match', () => {
  it('matches characters in order, ignoring case', () => {
    expect(fuzzyScore('drn', 'Drain “orders”…')).not.toBeNull()
    expect(fuzzyScore('ORD', 'Drain “orders”…')).not.toBeNull()
  })

  it('no match when a character is missing or out of order', () => {
    expect(fuzzyScore('xyz', 'Drain “orders”')).toBeNull()
    expect(fuzzyScore('nard', 'Drain')).toBeNull()
  })

  it('an empty query matches everything, in the original order', () => {
    expect(rankByQuery(['b', 'a', 'c'], '  ', (x) => x)).toEqual(['b', 'a', 'c'])
  })

  it('a run of consecutive characters beats scattered ones', () => {
    const ranked = rankByQuery(['Go to “d-r-a-i-n”', 'Drain “orders”'], 'drain', (x) => x)
    expect(ranked[0]).toBe('Drain “orders”')
  })

  it('word starts beat the middle of a word', () => {
    const ranked = rankByQuery(['xconnect', 'x connect'], 'con', (x) => x)
    expect(ranked[0]).toBe('x connect')
  })

  it('spaces in the query are ignored between words', () => {
    expect(fuzzyScore('go ord', 'Go to “orders”')).not.toBeNull()
  })

  it('non-matching items are dropped; ties keep their order', () => {
    expect(rankByQuery(['Connect “a”', 'Connect “b”', 'Import…'], 'connect', (x) => x)).toEqual([
      'Connect “a”',
      'Connect “b”',
    ])
  })
})
