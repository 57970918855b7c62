import { describe, expect, it } from 'vitest'
import { activityColumns, sessionSampleSql } from '../../../src/main/engine/sessions/activity-sql'

describe("the sampling query names only the server version's columns (activity-sql.ts)", () => {
  it('leaves out leader_pid before 13 and query_id before 14', () => {
    const v12 = activityColumns(120022)
    expect(v12).not.toContain('leader_pid')
    expect(v12).not.toContain('query_id')
    expect(activityColumns(130000)).toContain('leader_pid')
    expect(activityColumns(130018)).not.toContain('query_id')
    expect(activityColumns(140000)).toEqual(expect.arrayContaining(['leader_pid', 'query_id']))
    expect(sessionSampleSql(120022)).not.toMatch(/leader_pid|query_id/)
    expect(sessionSampleSql(180004)).toMatch(/a\.leader_pid[\s\S]*a\.query_id/)
  })

  it('reads reserved_connections only from 16 on', () => {
    expect(sessionSampleSql(150008)).not.toContain("current_setting('reserved_connections')")
    expect(sessionSampleSql(150008)).toMatch(/\b0 AS reserved_connections/)
    expect(sessionSampleSql(160000)).toContain("current_setting('reserved_connections')::int")
  })

  it('asks pg_blocking_pids only about sessions waiting on a lock', () => {
    expect(sessionSampleSql(180004)).toContain(
      "CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END",
    )
  })
})
