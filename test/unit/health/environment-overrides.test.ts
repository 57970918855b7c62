import { describe, expect, it } from 'vitest'
import { readHealthEnvironment } from '../../../src/main/engine/health/health-settings'

describe('readHealthEnvironment(): STARTUP_MAX_WAIT and DB_OPERATION_TIMEOUT', () => {
  it('reads seconds, with or without a unit', () => {
    const cases: Array<[string, number]> = [
      ['600', 600_000],
      ['90s', 90_000],
      ['1500ms', 1_500],
      ['10m', 600_000],
      [' 45 ', 45_000],
    ]
    for (const [raw, ms] of cases) {
      expect(readHealthEnvironment({ STARTUP_MAX_WAIT: raw }), raw).toEqual({
        startupMaxWaitMs: ms,
        problems: [],
      })
    }
    expect(readHealthEnvironment({ DB_OPERATION_TIMEOUT: '30' })).toEqual({
      operationTimeoutMs: 30_000,
      problems: [],
    })
  })

  it('ignores unset and empty variables', () => {
    expect(readHealthEnvironment({})).toEqual({ problems: [] })
    expect(readHealthEnvironment({ STARTUP_MAX_WAIT: '  ', DB_OPERATION_TIMEOUT: '' })).toEqual({
      problems: [],
    })
  })

  it('rejects bad values with a problem naming the variable, and leaves the default', () => {
    const bad = [
      'abc',
      '-5',
      '0',
      '0ms',
      '1e3',
      '1.5',
      '90 s',
      '5h',
      '86401',
      '1441m',
      '99999999999',
    ]
    for (const raw of bad) {
      const out = readHealthEnvironment({ STARTUP_MAX_WAIT: raw })
      expect(out, raw).not.toHaveProperty('startupMaxWaitMs')
      expect(out.problems, raw).toHaveLength(1)
      expect(out.problems[0], raw).toMatch(/^STARTUP_MAX_WAIT=/)
      expect(out.problems[0], raw).toMatch(/ignored and the default applies/)
    }
    // The limits are per variable: one hour at most for an operation.
    expect(readHealthEnvironment({ STARTUP_MAX_WAIT: '86400' }).startupMaxWaitMs).toBe(86_400_000)
    const op = readHealthEnvironment({ DB_OPERATION_TIMEOUT: '3601' })
    expect(op).not.toHaveProperty('operationTimeoutMs')
    expect(op.problems[0]).toMatch(/^DB_OPERATION_TIMEOUT="3601" is not valid.*at most 3600 s/)
  })

  it('applies a good variable when the other one is bad', () => {
    const out = readHealthEnvironment({ STARTUP_MAX_WAIT: 'soon', DB_OPERATION_TIMEOUT: '15s' })
    expect(out.operationTimeoutMs).toBe(15_000)
    expect(out).not.toHaveProperty('startupMaxWaitMs')
    expect(out.problems).toHaveLength(1)
    expect(out.problems[0]).toMatch(/STARTUP_MAX_WAIT="soon"/)
  })

  it('does not echo a long value in full', () => {
    const long = 'x'.repeat(500)
    const [problem] = readHealthEnvironment({ STARTUP_MAX_WAIT: long }).problems
    expect(problem!.length).toBeLessThan(300)
  })
})
