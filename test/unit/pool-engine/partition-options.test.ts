import { describe, expect, it } from 'vitest'
import { resolvePoolOptions } from '../../../src/main/engine/pool/engine/pool-options'

const messageOf = (input: Parameters<typeof resolvePoolOptions>[0]) => {
  try {
    resolvePoolOptions(input)
  } catch (error) {
    return (error as Error & { code: string }).code + ': ' + (error as Error).message
  }
  return 'valid'
}

describe('pool partition options', () => {
  it('defaults to no partitions and accepts reservations below max', () => {
    expect(resolvePoolOptions().partitions).toEqual({})
    expect(
      resolvePoolOptions({ max: 3, partitions: { monitor: 1, sampler: 1 } }).partitions,
    ).toEqual({ monitor: 1, sampler: 1 })
  })

  it('requires the reservations to total less than max', () => {
    expect(messageOf({ max: 2, partitions: { monitor: 1, sampler: 1 } })).toBe(
      'validation: invalid pool options: partitions reserve 2 connection(s) (monitor=1, sampler=1) but max is 2: the reservations must total less than max so general acquirers keep at least one connection',
    )
  })

  it('requires identifier names and whole reservations of at least 1', () => {
    expect(messageOf({ partitions: { 'health probe': 1 } })).toContain(
      'partition name "health probe" must be an identifier (letters, digits and _, not starting with a digit)',
    )
    expect(messageOf({ partitions: { '1st': 1 } })).toContain('partition name "1st"')
    expect(messageOf({ partitions: { monitor: 0 } })).toContain(
      'a partition reservation (0) must be at least 1: a partition that reserves nothing is the general pool',
    )
    expect(messageOf({ partitions: { monitor: 1.5 } })).toContain(
      'a partition reservation (1.5) must be a whole number',
    )
  })
})
