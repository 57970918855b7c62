import { describe, expect, it } from 'vitest'
import { samplerHarness } from './support/sampler-harness'
import { statementError } from './support/stub-acquirer'

describe('the sampler follows the server version (session-sampler.ts)', () => {
  it('reads server_version_num once and builds the query for it', async () => {
    const h = samplerHarness()
    h.setVersion(120015)
    await h.sampler.sample()
    await h.sampler.sample()
    const versionReads = h.acquirer.queries.filter(
      (q) => q.text.includes('AS server_version_num') && !q.text.includes('WITH settings'),
    )
    expect(versionReads).toHaveLength(1)
    expect(h.sampleQueries().map((q) => /leader_pid|query_id/.test(q.text))).toEqual([false, false])
  })

  it('switches columns when a sample reports a new version', async () => {
    const h = samplerHarness()
    h.setVersion(120015)
    await h.sampler.sample()
    h.setVersion(170002) // e.g. a failover to an upgraded standby
    await h.sampler.sample()
    await h.sampler.sample()
    expect(h.sampleQueries().map((q) => q.text.includes('a.query_id'))).toEqual([
      false,
      false,
      true,
    ])
  })

  it('re-reads the version after an undefined-column error', async () => {
    const h = samplerHarness()
    await h.sampler.sample()
    const answer = h.acquirer.handler
    h.acquirer.handler = (text, values) => {
      if (text.includes('WITH settings'))
        throw statementError('42703', 'column a.query_id does not exist')
      return answer(text, values)
    }
    await expect(h.sampler.sample()).rejects.toMatchObject({ code: 'query-failed' })
    h.acquirer.handler = answer
    h.setVersion(130010)
    await h.sampler.sample()
    expect(h.sampleQueries().at(-1)?.text).not.toContain('a.query_id')
  })

  it("refuses servers older than PostgreSQL 12 with 'invalid-state'", async () => {
    const h = samplerHarness()
    h.setVersion(110022)
    await expect(h.sampler.sample()).rejects.toMatchObject({
      code: 'invalid-state',
      message: 'the sessions view needs PostgreSQL 12 or later; this server is 110022',
    })
    expect(h.acquirer.releases).toEqual([{ error: undefined }])
  })
})
