/**
 * One rule for durations on screen and in main's messages (src/shared/duration-text.ts): ms below
 * a second, tenths below 10 s, whole seconds below a minute, then minutes and hours; always
 * truncated, so a figure never reads as a longer time than has passed.
 */
import { describe, expect, it } from 'vitest'
import { durationText } from '../../../src/shared/duration-text'

describe('durationText', () => {
  it.each([
    [0, '0 ms'],
    [-5, '0 ms'],
    [Number.NaN, '0 ms'],
    [0.4, '0 ms'],
    [999.9, '999 ms'],
    [1_000, '1.0 s'],
    [3_650, '3.6 s'],
    [9_999, '9.9 s'],
    [10_000, '10 s'],
    [45_900, '45 s'],
    [59_999, '59 s'],
    [60_000, '1 min 00 s'],
    [125_000, '2 min 05 s'],
    [3_599_999, '59 min 59 s'],
    [3_600_000, '1 h 00 min'],
    [3_780_000, '1 h 03 min'],
    [90_000_000, '25 h 00 min'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(durationText(ms)).toBe(expected)
  })
})
