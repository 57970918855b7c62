/** RingBuffer: a fixed capacity, checked up front; the size never exceeds it. */
import { describe, expect, it } from 'vitest'
import { RingBuffer } from '../../../src/renderer/src/stores/ring-buffer'

describe('RingBuffer capacity', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects capacity %s with a RangeError',
    (capacity) => {
      expect(() => new RingBuffer<number>(capacity)).toThrow(RangeError)
    },
  )

  it('accepts capacity 1 and keeps only the newest item', () => {
    const ring = new RingBuffer<string>(1)
    ring.push('a')
    ring.push('b')
    expect(ring.size).toBe(1)
    expect(ring.toArray()).toEqual(['b'])
    expect(ring.latest()).toBe('b')
  })

  it('starts empty', () => {
    const ring = new RingBuffer<number>(3)
    expect(ring.capacity).toBe(3)
    expect(ring.size).toBe(0)
    expect(ring.toArray()).toEqual([])
    expect(ring.latest()).toBeUndefined()
  })

  it('grows one by one up to the capacity, then stays there however many items arrive', () => {
    const ring = new RingBuffer<number>(4)
    const sizes: number[] = []
    for (let i = 0; i < 1_000; i++) {
      ring.push(i)
      sizes.push(ring.size)
    }
    expect(sizes.slice(0, 5)).toEqual([1, 2, 3, 4, 4])
    expect(Math.max(...sizes)).toBe(4)
    expect(ring.toArray()).toHaveLength(4)
  })
})
