import { describe, expect, it } from 'vitest'
import { permanentCodes } from '../../../src/main/engine/health/health-checker'
import type { ErrorCode } from '../../../src/shared/result'
import { CheckerHarness, down, up } from './support/checker-harness'
import { mulberry32 } from './support/mulberry32'

const permanent: ErrorCode[] = [
  'auth-failed',
  'unknown-database',
  'no-pg-hba-entry',
  'ssl-required',
]
const tenMinutes = 600_000

describe('permanent errors', () => {
  it('are the ones that need a person', () => {
    for (const code of permanent) expect(permanentCodes.has(code)).toBe(true)
    expect(permanentCodes.has('too-many-connections')).toBe(false)
    expect(permanentCodes.has('connection-refused')).toBe(false)
  })

  it('make the profile failed at once and are retried only at the cap (permanentRetry cap)', async () => {
    for (const [i, code] of permanent.entries()) {
      const h = new CheckerHarness({ random: mulberry32(40 + i) })
      h.attemptAnswer = down(code)
      await h.checker.start()
      expect(h.states).toEqual(['connecting', 'failed'])
      expect(h.checker.errorClass).toBe('permanent')
      expect(h.records[0]).toMatchObject({ errorClass: 'permanent', errorCode: code })
      await h.clock.advance(tenMinutes)
      // Capped delays lie in [48, 60] s: over 600 s that is 1 + 10 to 1 + 12 attempts in all.
      for (const gap of h.attemptGaps()) {
        expect(gap).toBeGreaterThanOrEqual(48_000)
        expect(gap).toBeLessThanOrEqual(60_000)
      }
      expect(h.attemptCalls.length).toBeGreaterThanOrEqual(1 + Math.floor(tenMinutes / 60_000))
      expect(h.attemptCalls.length).toBeLessThanOrEqual(1 + Math.floor(tenMinutes / 48_000))
      expect(h.states).toEqual(['connecting', 'failed'])
      h.checker.stop()
    }
  })

  it('are never retried by themselves with permanentRetry never, until the user asks', async () => {
    for (const code of permanent) {
      const h = new CheckerHarness({ settings: { permanentRetry: 'never' } })
      h.attemptAnswer = down(code)
      await h.checker.start()
      await h.clock.advance(tenMinutes)
      expect(h.attemptCalls).toEqual([0])
      expect(h.state).toBe('failed')
      expect(h.checker.view().nextAttemptAt).toBeNull()
      expect(h.records[0]!.nextAttemptAt).toBeNull()
      expect(h.clock.pendingTimers).toBe(0)
      h.attemptAnswer = up
      h.checker.reconnectNow()
      await h.clock.advance(0)
      expect(h.attemptCalls).toEqual([0, tenMinutes])
      expect(h.state).toBe('connected')
      h.checker.stop()
    }
  })

  it('fail a connected profile at once too (the password was changed)', async () => {
    const h = new CheckerHarness()
    await h.checker.start()
    h.probeAnswer = down('auth-failed')
    await h.clock.advance(2_000)
    expect(h.states).toEqual(['connecting', 'connected', 'failed'])
  })
})
