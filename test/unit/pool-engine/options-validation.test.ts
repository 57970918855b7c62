import { describe, expect, it } from 'vitest'
import { poolDefaults, resolvePoolOptions } from '../../../src/main/engine/pool/engine/pool-options'

const messageOf = (input: Parameters<typeof resolvePoolOptions>[0]) => {
  try {
    resolvePoolOptions(input)
  } catch (error) {
    return (error as Error & { code: string }).code + ': ' + (error as Error).message
  }
  return 'valid'
}

describe('pool options', () => {
  it('defaults to the reference table, with initial = min', () => {
    const o = resolvePoolOptions()
    expect(o).toMatchObject({
      max: 10,
      min: 2,
      initial: 2,
      acquireTimeoutMs: 30_000,
      idleTimeoutMs: 600_000,
      maxLifetimeMs: 1_800_000,
      keepaliveMs: 120_000,
      leakDetectionMs: 30_000,
      maxWaiting: 1_000,
      maxConcurrentCreates: 2,
      validationBypassMs: 500,
    })
    expect(poolDefaults.initial).toBeUndefined()
  })

  it('says why keepalive must be shorter than the lifetime', () => {
    expect(messageOf({ keepaliveMs: 120_000, maxLifetimeMs: 60_000, idleTimeoutMs: 0 })).toBe(
      'validation: invalid pool options: keepaliveMs (120000) must be shorter than maxLifetimeMs (60000): a connection would expire before it is ever validated',
    )
  })

  it('rejects min above max and initial outside min..max', () => {
    expect(messageOf({ min: 5, max: 3 })).toContain(
      'min (5) must not exceed max (3): the pool could never keep min open',
    )
    expect(messageOf({ min: 2, max: 4, initial: 1 })).toContain(
      'initial (1) must be between min (2) and max (4)',
    )
    expect(messageOf({ min: 2, max: 4, initial: 5 })).toContain('initial (5)')
  })

  it('names wrong types, fractions, negatives and unknown keys', () => {
    expect(messageOf({ max: 2.5 })).toContain('max (2.5) must be a whole number')
    expect(messageOf({ max: 0 })).toContain('max (0) must be at least 1')
    expect(messageOf({ acquireTimeoutMs: -1 })).toContain(
      'acquireTimeoutMs (-1) must be at least 1: a caller must be allowed to wait',
    )
    expect(messageOf({ leakDetectionMs: 10 })).toContain(
      'leakDetectionMs (10) must be 0 (off) or at least 1000',
    )
    expect(messageOf({ max: 'ten' as unknown as number })).toContain('max must be a number')
    expect(messageOf({ maxx: 3 } as never)).toContain('unknown pool option(s): maxx')
  })

  it('lists every problem at once', () => {
    const m = messageOf({ min: 5, max: 3, maxWaiting: -1 })
    expect(m).toContain('min (5)')
    expect(m).toContain('maxWaiting (-1)')
  })

  it('keeps the default min within a smaller max, and allows features off with 0', () => {
    expect(resolvePoolOptions({ max: 1 })).toMatchObject({ max: 1, min: 1, initial: 1 })
    expect(
      resolvePoolOptions({
        maxLifetimeMs: 0,
        keepaliveMs: 0,
        idleTimeoutMs: 0,
        leakDetectionMs: 0,
      }),
    ).toMatchObject({ maxLifetimeMs: 0, keepaliveMs: 0 })
  })

  it('rejects an idle timeout not shorter than the lifetime and a backoff cap below its start', () => {
    expect(messageOf({ idleTimeoutMs: 60_000, maxLifetimeMs: 60_000, keepaliveMs: 0 })).toContain(
      'idleTimeoutMs (60000) must be shorter than maxLifetimeMs (60000)',
    )
    expect(messageOf({ createBackoffMs: 1000, createBackoffMaxMs: 10 })).toContain(
      'createBackoffMaxMs (10) must not be below createBackoffMs (1000)',
    )
  })
})
