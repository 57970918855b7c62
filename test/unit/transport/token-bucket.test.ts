import { describe, expect, it } from 'vitest'
import { TokenBucket } from '../../../src/main/transport/web/rate-limiter'

function bucket(rate: number, burst: number) {
  const clock = { t: 5_000 }
  return { clock, b: new TokenBucket(rate, burst, () => clock.t) }
}

function takeMany(b: TokenBucket, n: number): number {
  let granted = 0
  for (let i = 0; i < n; i++) if (b.take()) granted++
  return granted
}

describe('TokenBucket', () => {
  it('starts full: exactly `burst` takes succeed at one instant', () => {
    const { b } = bucket(100, 200)
    expect(takeMany(b, 1000)).toBe(200)
    expect(b.take()).toBe(false)
  })

  it('refills at ratePerSecond on the injected clock', () => {
    const { b, clock } = bucket(100, 10)
    takeMany(b, 10)
    clock.t += 5 // half a token
    expect(b.take()).toBe(false)
    clock.t += 5 // the other half
    expect(b.take()).toBe(true)
    expect(b.take()).toBe(false)
    clock.t += 50
    expect(takeMany(b, 100)).toBe(5)
  })

  it('never holds more than `burst`, however long it was idle', () => {
    const { b, clock } = bucket(100, 10)
    takeMany(b, 10)
    clock.t += 24 * 3600 * 1000
    expect(takeMany(b, 100)).toBe(10)
  })

  it('does not refill while the clock stands still', () => {
    const { b } = bucket(1000, 3)
    expect(takeMany(b, 3)).toBe(3)
    for (let i = 0; i < 100; i++) expect(b.take()).toBe(false)
  })

  it('refused takes do not consume future capacity', () => {
    const { b, clock } = bucket(10, 1)
    expect(b.take()).toBe(true)
    takeMany(b, 1000) // all refused
    clock.t += 100
    expect(b.take()).toBe(true)
  })
})
