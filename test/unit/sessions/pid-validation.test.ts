import { describe, expect, it } from 'vitest'
import { MAX_BACKEND_PID, validatePid } from '../../../src/main/engine/sessions/backend-pid'

describe('backend pid validation (backend-pid.ts)', () => {
  it('accepts whole numbers from 1 to 2^31-1', () => {
    expect(validatePid(1)).toBe(1)
    expect(validatePid(12345)).toBe(12345)
    expect(validatePid(MAX_BACKEND_PID)).toBe(2_147_483_647)
  })

  it.each([
    [0, /not a backend pid: 0/],
    [-5, /not a backend pid: -5/],
    [1.5, /not a backend pid: 1.5/],
    [2_147_483_648, /not a backend pid: 2147483648/],
    [Number.NaN, /NaN/],
    [Infinity, /Infinity/],
    ['123', /not a backend pid: "123"/],
    ['1; SELECT pg_terminate_backend(1)', /"1; SELECT pg_terminate_backend\(1\)"/],
    [12n, /12n/],
    [null, /null/],
    [undefined, /of type undefined/],
    [{ pid: 1 }, /of type object/],
  ])('refuses %s', (value, message) => {
    expect(() => validatePid(value)).toThrow(message)
    expect(() => validatePid(value)).toThrow(expect.objectContaining({ code: 'validation' }))
  })
})
