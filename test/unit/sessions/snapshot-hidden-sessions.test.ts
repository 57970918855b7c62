import { describe, expect, it } from 'vitest'
import { hidden, sampler, session, snapshotOf } from './support/canned-rows'

describe("other roles' sessions for a role without pg_monitor (session-snapshot.ts)", () => {
  const rows = [
    sampler(),
    session(101, { usename: 'me' }),
    hidden(102, { usename: 'postgres', application_name: 'psql' }),
    // an auxiliary process: hidden too, but attached to no database
    hidden(2, { datname: null, usename: null, application_name: '', counts_as_client: false }),
  ]
  const snap = snapshotOf(rows, { frame: { sees_all: false } })

  it('reports the hidden query as hidden, not as text or a blank', () => {
    const s = snap.sessions.find((x) => x.pid === 102)!
    expect(s).toMatchObject({
      queryHidden: true,
      query: null,
      user: 'postgres',
      application: 'psql',
    })
    expect(snap.sessions.find((x) => x.pid === 101)).toMatchObject({
      queryHidden: false,
      query: 'SELECT 1',
    })
    expect(snap.seesAllSessions).toBe(false)
    expect(snap.hiddenSessions).toBe(2)
  })

  it('counts hidden client sessions as connections in use, separately by state', () => {
    expect(snap.counts).toMatchObject({ total: 3, hidden: 1, idle: 1, active: 1 })
    expect(snap.connections).toMatchObject({ used: 3, includesHidden: true })
  })

  it('takes the placeholder as a query when the role may see every session', () => {
    const snapAll = snapshotOf([sampler(), hidden(102)], { frame: { sees_all: true } })
    expect(snapAll.sessions.find((x) => x.pid === 102)).toMatchObject({
      queryHidden: false,
      query: '<insufficient privilege>',
    })
  })
})
