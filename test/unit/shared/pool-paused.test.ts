import { describe, expect, it } from 'vitest'
import { poolPaused, poolStates } from '../../../src/shared/cockpit'

describe('poolPaused', () => {
  it('is true for draining and drained only', () => {
    expect(poolStates.filter((s) => poolPaused(s))).toEqual(['draining', 'drained'])
    expect(poolPaused(null)).toBe(false)
    expect(poolPaused(undefined)).toBe(false)
  })
})
