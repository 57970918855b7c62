import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { samplerHarness } from './support/sampler-harness'
import { statementError } from './support/stub-acquirer'

describe('a sample is bounded and never keeps the connection (session-sampler.ts)', () => {
  it('a query that does not answer fails at sampleTimeoutMs and gives the connection back as broken', async () => {
    const h = samplerHarness({ sampleTimeoutMs: 1_000 })
    h.acquirer.hangQueries = /WITH settings/
    const result = h.sampler.sample().catch((e: unknown) => e)
    await h.clock.advance(0) // the connection is handed over at once
    await h.clock.advance(999)
    expect(h.acquirer.held).toBe(1)
    await h.clock.advance(1)
    const error = await result
    expect(error).toBeInstanceOf(LifeguardError)
    expect(error).toMatchObject({
      code: 'timeout',
      message: 'the session sample did not answer within 1000 ms',
    })
    expect(h.acquirer.held).toBe(0)
    expect(h.acquirer.releases.at(-1)?.error).toBe(error)
    expect(h.sampler.lastError).toBe(error)
  })

  it('waiting for the connection counts against the same budget; a late lease goes straight back', async () => {
    const h = samplerHarness({ sampleTimeoutMs: 1_000 })
    h.acquirer.holdAcquires = true
    const result = h.sampler.sample().catch((e: unknown) => e)
    await h.clock.advance(1_000)
    expect(await result).toMatchObject({
      code: 'timeout',
      message: 'the session sample (waiting for a connection) did not answer within 1000 ms',
    })
    h.acquirer.grant()
    await h.clock.advance(0)
    expect(h.acquirer.held).toBe(0)
    expect(h.acquirer.releases).toEqual([{ error: undefined }])
    expect(h.acquirer.queries).toEqual([])
  })

  it("a statement error is 'query-failed' and the healthy connection is simply returned", async () => {
    const h = samplerHarness()
    h.acquirer.handler = () => {
      throw statementError('42P01', 'relation "pg_stat_activity" does not exist')
    }
    await expect(h.sampler.sample()).rejects.toMatchObject({
      code: 'query-failed',
      message: 'the session sample failed: relation "pg_stat_activity" does not exist (42P01)',
    })
    expect(h.acquirer.releases).toEqual([{ error: undefined }])
  })

  it('the breaker refusing the acquire is passed on as is, and keeps the schedule', async () => {
    const h = samplerHarness()
    const open = new LifeguardError('service-unavailable', 'the database is unavailable', {
      retryAfterMs: 4_000,
    })
    h.acquirer.refuse = open
    h.sampler.start()
    await h.clock.advance(0)
    expect(h.errors).toEqual([open])
    h.acquirer.refuse = undefined
    await h.clock.advance(2_000)
    expect(h.snapshots).toHaveLength(1)
    expect(h.sampler.lastError).toBeUndefined()
    h.sampler.stop()
  })
})
