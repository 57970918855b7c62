/** What in a pushed status is news to deliver at once (status-news.ts), and what only figures. */
import { describe, expect, it } from 'vitest'
import { statusNewsKey } from '../../../src/main/transport/status-news'

const base = {
  profileId: 'a',
  state: 'connected',
  pool: { total: 2, active: 1 },
  health: { level: 'healthy', breaker: 'closed', latencyMs: 1.5, nextAttemptAt: null, reasons: [] },
  poolState: 'running',
  drain: null as null | { phase: string; inUse: number },
  error: null as null | { code: string; message: string },
}

describe('status news (status-news.ts)', () => {
  it('changes with the state, level, breaker, pool state, drain phase and error code', () => {
    const news = [
      { ...base, state: 'connecting' },
      { ...base, health: { ...base.health, level: 'warning' } },
      { ...base, health: { ...base.health, breaker: 'open' } },
      { ...base, health: null },
      { ...base, poolState: 'draining' },
      { ...base, drain: { phase: 'draining', inUse: 3 } },
      { ...base, error: { code: 'timeout', message: 'slow' } },
    ]
    const keys = new Set([statusNewsKey(base), ...news.map(statusNewsKey)])
    expect(keys.size).toBe(news.length + 1)
  })

  it('stays the same for new figures: latency, counts, reasons, next attempt, drain progress', () => {
    const figures = [
      { ...base, health: { ...base.health, latencyMs: 9, reasons: ['probe took 300 ms'] } },
      { ...base, health: { ...base.health, nextAttemptAt: 123 } },
      { ...base, pool: { total: 4, active: 4 } },
      { ...base, error: null },
    ]
    for (const f of figures) expect(statusNewsKey(f)).toBe(statusNewsKey(base))
    const draining = { ...base, drain: { phase: 'draining', inUse: 3 } }
    expect(statusNewsKey({ ...draining, drain: { phase: 'draining', inUse: 1 } })).toBe(
      statusNewsKey(draining),
    )
    expect(statusNewsKey({ ...base, error: { code: 'timeout', message: 'other words' } })).toBe(
      statusNewsKey({ ...base, error: { code: 'timeout', message: 'slow' } }),
    )
  })
})
