import { describe, expect, it } from 'vitest'
import {
  queueDefaults,
  resolveQueueSettings,
} from '../../../../src/main/engine/queue/queue-settings'

describe('write-queue settings', () => {
  it('default to the reference values: 1000 operations, 3 attempts, no max age', () => {
    expect(resolveQueueSettings()).toEqual(queueDefaults)
    expect(queueDefaults).toMatchObject({
      maxQueueSize: 1000,
      maxAttempts: 3,
      maxAgeMs: null,
      exactlyOnce: false,
    })
  })

  it('take valid overrides', () => {
    expect(
      resolveQueueSettings({ maxQueueSize: 5, maxAttempts: 1, maxAgeMs: 60_000 }),
    ).toMatchObject({
      maxQueueSize: 5,
      maxAttempts: 1,
      maxAgeMs: 60_000,
    })
  })

  it.each([
    [{ maxQueueSize: 0 }, /maxQueueSize must be at least 1/],
    [{ maxQueueSize: 1.5 }, /maxQueueSize must be a whole number/],
    [{ maxAttempts: 0 }, /maxAttempts must be at least 1/],
    [{ maxAgeMs: 10 }, /maxAgeMs \(10\) must be at least 1000 ms/],
    [{ maxAgeMs: Number.NaN }, /maxAgeMs/],
    [{ batchSize: 0 }, /batchSize/],
    [
      { fillingAbove: 0.5, fillingClearAtOrBelow: 0.6 },
      /fillingClearAtOrBelow \(0.6\) must be below fillingAbove \(0.5\)/,
    ],
    [{ nonsense: 1 } as object, /nonsense|unrecognized/i],
  ])('refuse %j with a message naming the setting', (input, message) => {
    expect(() => resolveQueueSettings(input)).toThrow(message)
  })
})
