/**
 * formatMs: "0 ms" for none, "< 0.01 ms" for what two decimals would print as 0.00, two decimals
 * below 10 ms, whole milliseconds from 10 ms up.
 */
import { describe, expect, it } from 'vitest'
import { formatMs } from '../../../src/renderer/src/lib/format'

describe('formatMs', () => {
  it.each([
    [0, '0 ms'],
    [-1, '0 ms'],
    [Number.NaN, '0 ms'],
    [0.001, '< 0.01 ms'],
    [0.0049, '< 0.01 ms'],
    [0.005, '0.01 ms'],
    [0.126, '0.13 ms'],
    [1, '1.00 ms'],
    [9.99, '9.99 ms'],
    [9.996, '10 ms'],
    [10, '10 ms'],
    [10.4, '10 ms'],
    [10.5, '11 ms'],
    [123.456, '123 ms'],
    [2_500, '2500 ms'],
  ])('%s -> %s', (value, expected) => {
    expect(formatMs(value)).toBe(expected)
  })
})
