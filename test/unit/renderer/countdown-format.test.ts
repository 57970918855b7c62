/**
 * Countdown and duration texts: whole seconds rounded up (a countdown never reads "due now" while
 * time is left), minutes and hours past 60 s, delays to the precision that tells late from on time.
 */
import { describe, expect, it } from 'vitest'
import {
  clockTime,
  countdownText,
  formatDuration,
  formatElapsed,
  formatSeconds,
  nextAttemptText,
  secondsLeft,
} from '../../../src/renderer/src/lib/countdown'

const NOW = 1_767_259_800_000

describe('countdown', () => {
  it.each([
    [12_000, 12],
    [11_001, 12],
    [11_000, 11],
    [200, 1],
    [1, 1],
    [0, 0],
    [-5_000, 0],
  ])('%s ms left -> %s s', (left, seconds) => {
    expect(secondsLeft(NOW + left, NOW)).toBe(seconds)
  })

  it.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min 00 s'],
    [125, '2 min 05 s'],
    [3599, '59 min 59 s'],
    [3600, '1 h 00 min'],
    [3_780, '1 h 03 min'],
  ])('formatSeconds(%s) -> %s', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected)
  })

  it.each<[number | null, number, string]>([
    [NOW + 12_000, NOW, 'Next attempt in 12 s'],
    [NOW + 200, NOW, 'Next attempt in 1 s'],
    [NOW + 90_000, NOW, 'Next attempt in 1 min 30 s'],
    [NOW, NOW, 'Next attempt due now'],
    [NOW - 3_000, NOW, 'Next attempt due now'],
    [null, NOW, 'No attempt scheduled'],
  ])('nextAttemptText(%s, now) -> %s', (at, now, expected) => {
    expect(nextAttemptText(at, now)).toBe(expected)
  })

  it('the short form under a heading', () => {
    expect(countdownText(NOW + 4_500, NOW)).toBe('in 5 s')
    expect(countdownText(NOW, NOW)).toBe('due now')
    expect(countdownText(null, NOW)).toBe('none scheduled')
  })

  it('counts down one second per second', () => {
    const at = NOW + 5_300
    const texts = [0, 1, 2, 3, 4, 5, 6].map((s) => countdownText(at, NOW + s * 1000))
    expect(texts).toEqual(['in 6 s', 'in 5 s', 'in 4 s', 'in 3 s', 'in 2 s', 'in 1 s', 'due now'])
  })

  it.each([
    [0, '0 ms'],
    [907.4, '907 ms'],
    [999, '999 ms'],
    [1_000, '1.00 s'],
    [1_672, '1.67 s'],
    [9_994, '9.99 s'],
    [12_340, '12.3 s'],
    [59_949, '59.9 s'],
    [61_000, '1 min 01 s'],
    [-4, '0 ms'],
  ])('formatDuration(%s) -> %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })

  it('formatElapsed counts whole seconds since a start', () => {
    expect(formatElapsed(NOW - 42_900, NOW)).toBe('42 s')
    expect(formatElapsed(NOW + 1_000, NOW)).toBe('0 s')
  })

  it('clockTime is local HH:MM:SS, with milliseconds on request', () => {
    const at = new Date(2026, 0, 1, 9, 5, 7, 21).getTime()
    expect(clockTime(at)).toBe('09:05:07')
    expect(clockTime(at, true)).toBe('09:05:07.021')
  })
})
