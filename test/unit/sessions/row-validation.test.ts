import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { buildSnapshot } from '../../../src/main/engine/sessions/session-snapshot'
import { rowsOf, session } from './support/canned-rows'

const context = {
  ownPids: new Set<number>(),
  ownApplicationPrefix: 'lifeguard',
  sampledAt: 0,
  sampleMs: 0,
  acquireMs: 0,
}

describe('rows of an unexpected shape (activity-row.ts)', () => {
  it("are a 'query-failed' error naming the field", () => {
    const rows = rowsOf([session(1, { xact_start: '2026-01-01T00:00:00Z' })])
    expect(() => buildSnapshot(rows, context)).toThrow(LifeguardError)
    expect(() => buildSnapshot(rows, context)).toThrow(/unexpected xact_start \(string/)
    expect(() => buildSnapshot(rowsOf([session(1)], { max_connections: '100' }), context)).toThrow(
      /unexpected max_connections/,
    )
  })

  it('no rows at all is an error, an absent optional column (older server) is null', () => {
    expect(() => buildSnapshot([], context)).toThrow(/no rows/)
    const row = rowsOf([session(1)])[0]!
    delete row['leader_pid']
    delete row['query_id']
    const snap = buildSnapshot([row], context)
    expect(snap.sessions[0]).toMatchObject({ leaderPid: null, queryId: null })
  })
})
