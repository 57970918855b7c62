import { describe, expect, it } from 'vitest'
import {
  resolveSessionSettings,
  sessionDefaults,
} from '../../../src/main/engine/sessions/session-settings'

describe('session settings (session-settings.ts)', () => {
  it('default to the reference numbers', () => {
    expect(resolveSessionSettings()).toEqual(sessionDefaults)
    expect(sessionDefaults).toMatchObject({
      sampleIntervalMs: 2_000,
      idleInTransactionMs: 60_000,
      longQueryWarningMs: 120_000,
      longQueryCriticalMs: 300_000,
      connectionsWarning: 0.8,
      connectionsCritical: 0.95,
    })
  })

  it("refuse a bad value with a 'validation' error naming it", () => {
    const bad = (input: object, message: RegExp) =>
      expect(() => resolveSessionSettings(input)).toThrow(
        expect.objectContaining({ code: 'validation', message: expect.stringMatching(message) }),
      )
    bad(
      { longQueryCriticalMs: 60_000 },
      /longQueryCriticalMs \(60000\) must be at least longQueryWarningMs/,
    )
    bad({ connectionsWarning: 1.5 }, /connectionsWarning must be at most 1/)
    bad({ sampleTimeoutMs: 2_000 }, /sampleTimeoutMs \(2000\) must be below sampleIntervalMs/)
    bad({ idleInTransactionMs: -1 }, /idleInTransactionMs \(-1\) must be at least 0/)
    bad({ nonsense: 1 }, /nonsense|unrecognized/i)
  })
})
