/** RingBuffer: the oldest item is overwritten first; toArray is oldest first; replaceLatest. */
import { describe, expect, it } from 'vitest'
import { RingBuffer } from '../../../src/renderer/src/stores/ring-buffer'

function filled(capacity: number, items: number[]): RingBuffer<number> {
  const ring = new RingBuffer<number>(capacity)
  for (const item of items) ring.push(item)
  return ring
}

describe('RingBuffer overwrite order', () => {
  it.each([
    { pushed: [1, 2], expected: [1, 2] },
    { pushed: [1, 2, 3], expected: [1, 2, 3] },
    { pushed: [1, 2, 3, 4], expected: [2, 3, 4] },
    { pushed: [1, 2, 3, 4, 5], expected: [3, 4, 5] },
    { pushed: [1, 2, 3, 4, 5, 6, 7], expected: [5, 6, 7] },
  ])('capacity 3, pushed $pushed: holds $expected, oldest first', ({ pushed, expected }) => {
    const ring = filled(3, pushed)
    expect(ring.toArray()).toEqual(expected)
    expect(ring.latest()).toBe(expected.at(-1))
  })

  it('toArray returns a copy: changing it does not change the ring', () => {
    const ring = filled(3, [1, 2])
    ring.toArray().push(99)
    expect(ring.toArray()).toEqual([1, 2])
  })

  it('replaceLatest overwrites the newest item without growing', () => {
    const ring = filled(3, [1, 2])
    ring.replaceLatest(20)
    expect(ring.toArray()).toEqual([1, 20])
    expect(ring.size).toBe(2)
  })

  it('replaceLatest overwrites the newest item after the ring wrapped around', () => {
    const ring = filled(3, [1, 2, 3, 4, 5])
    ring.replaceLatest(50)
    expect(ring.toArray()).toEqual([3, 4, 50])
    expect(ring.latest()).toBe(50)
    ring.push(6)
    expect(ring.toArray()).toEqual([4, 50, 6])
  })

  it('replaceLatest on an empty ring pushes', () => {
    const ring = new RingBuffer<number>(3)
    ring.replaceLatest(7)
    expect(ring.size).toBe(1)
    expect(ring.toArray()).toEqual([7])
  })
})
