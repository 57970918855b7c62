/**
 * Counted words on the Overview and the cards: one helper (lib/plural.ts), so "1 leak", "2
 * leaks", "0 timeouts", "1 acquire" read right wherever a count is shown.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { PoolDetails } from '../../../src/renderer/src/features/profiles/pool-counts'
import { countText, plural } from '../../../src/renderer/src/lib/plural'
import { byTestId, render, text } from './render-fixture'
import { stats } from './store-fixture'

describe('plurals', () => {
  it('the helper', () => {
    expect(countText(1, 'leak')).toBe('1 leak')
    expect(countText(0, 'leak')).toBe('0 leaks')
    expect(countText(2, 'process', 'processes')).toBe('2 processes')
    expect(countText(1234, 'acquire', undefined, (n) => n.toLocaleString('en-US'))).toBe(
      '1,234 acquires',
    )
    expect(plural(1, 'alert')).toBe('alert')
  })

  it('the pool figures: 1 leak, 1 timeout, 1 acquire; 2 of each in the plural', () => {
    const one = render(
      createElement(PoolDetails, { stats: { ...stats(1), acquires: 1, timeouts: 1, leaks: 1 } }),
    )
    expect(text(byTestId(one, 'pool-leaks'))).toBe('⚠ 1 leak')
    expect(text(byTestId(one, 'pool-timeouts'))).toBe('⚠ 1 timeout')
    expect(text(byTestId(one, 'pool-acquires'))).toBe('1 acquire')
    const two = render(
      createElement(PoolDetails, { stats: { ...stats(1), acquires: 2, timeouts: 2, leaks: 2 } }),
    )
    expect(text(byTestId(two, 'pool-leaks'))).toBe('⚠ 2 leaks')
    expect(text(byTestId(two, 'pool-acquires'))).toBe('2 acquires')
  })

  it('wait figures below 0.01 ms do not read 0.00 ms', () => {
    const html = render(
      createElement(PoolDetails, {
        stats: { ...stats(1), waitP50Ms: 0, waitP95Ms: 0.002, waitP99Ms: 1.5 },
      }),
    )
    expect(text(byTestId(html, 'pool-wait-p50'))).toBe('wait (last 10 s) p50 0 ms')
    expect(text(byTestId(html, 'pool-wait-p95'))).toBe('p95 < 0.01 ms')
    expect(text(byTestId(html, 'pool-wait-p99'))).toBe('p99 1.50 ms')
  })
})
