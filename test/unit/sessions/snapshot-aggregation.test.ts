import { describe, expect, it } from 'vitest'
import {
  active,
  idleInTransaction,
  sampler,
  SAMPLER_PID,
  SERVER_NOW,
  session,
  snapshotOf,
} from './support/canned-rows'

describe('a snapshot aggregated from canned rows (session-snapshot.ts)', () => {
  const rows = [
    sampler(),
    session(101),
    session(102, { application_name: 'batch', usename: 'etl', datname: 'dw' }),
    active(103, 30_000, { wait_event_type: 'IO', wait_event: 'DataFileRead' }),
    active(104, 200_000, { wait_event_type: 'IO', wait_event: 'DataFileRead' }),
    active(105, 5_000, { wait_event_type: 'Lock', wait_event: 'transactionid', blocked_by: [106] }),
    idleInTransaction(106, 70_000),
    idleInTransaction(107, 1_000, {
      state: 'idle in transaction (aborted)',
      client_addr: null,
      client_port: -1,
    }),
    session(108, { state: 'fastpath function call' }),
    // background processes: not client connections
    session(2, {
      backend_type: 'checkpointer',
      state: null,
      datname: null,
      usename: null,
      counts_as_client: false,
      query: '',
    }),
    session(3, {
      backend_type: 'autovacuum worker',
      state: 'active',
      wait_event_type: 'IO',
      wait_event: 'DataFileRead',
      xact_start: SERVER_NOW - 900_000,
      counts_as_client: false,
    }),
  ]
  const snap = snapshotOf(rows, { context: { ownPids: new Set([101]) } })

  it('counts client sessions by state, leaving background processes out', () => {
    expect(snap.counts).toEqual({
      total: 9,
      active: 4, // the sampler, 103, 104, 105
      idle: 2,
      idleInTransaction: 1,
      idleInTransactionAborted: 1,
      other: 1,
      hidden: 0,
    })
    expect(snap.sessions.map((s) => s.pid)).toEqual([
      2,
      3,
      101,
      102,
      103,
      104,
      105,
      106,
      107,
      108,
      SAMPLER_PID,
    ])
  })

  it('measures connections used against max_connections minus the reserved slots', () => {
    expect(snap.connections).toEqual({
      used: 9,
      available: 97,
      maxConnections: 100,
      superuserReserved: 3,
      reserved: 0,
      ratio: 9 / 97,
      includesHidden: false,
    })
    const pg16 = snapshotOf(rows, { frame: { reserved_connections: 7 } })
    expect(pg16.connections).toMatchObject({ available: 90, reserved: 7, ratio: 9 / 90 })
  })

  it('breaks sessions down by database, user, application and client address', () => {
    expect(snap.byDatabase).toEqual([
      { key: 'shop', total: 8, active: 4, idleInTransaction: 2 },
      { key: 'dw', total: 1, active: 0, idleInTransaction: 0 },
    ])
    expect(snap.byUser.map((e) => [e.key, e.total])).toEqual([
      ['app', 8],
      ['etl', 1],
    ])
    expect(snap.byApplication.map((e) => [e.key, e.total])).toEqual([
      ['web', 7],
      ['batch', 1],
      ['lifeguard', 1],
    ])
    expect(snap.byClientAddress.map((e) => [e.key, e.total])).toEqual([
      ['10.0.0.5', 8],
      ['[local]', 1],
    ])
  })

  it('counts what active sessions wait on (background ones too), the sampler excluded', () => {
    expect(snap.waitEvents).toEqual([
      { type: 'IO', event: 'DataFileRead', count: 3 },
      { type: 'Lock', event: 'transactionid', count: 1 },
    ])
  })

  it('finds the longest query, the oldest transaction and the lock waits', () => {
    expect(snap.longestQuery).toEqual({ pid: 104, ageMs: 200_000 })
    // the autovacuum worker's transaction is the oldest, even though it is no client
    expect(snap.oldestTransaction).toEqual({ pid: 3, ageMs: 900_000 })
    expect(snap.blockedCount).toBe(1)
    expect(snap.blocking).toEqual([
      { rootPid: 106, blocked: [{ pid: 105, blockedBy: [106], depth: 1 }], cycle: false },
    ])
  })

  it('computes ages against the server time of the sample', () => {
    const s106 = snap.sessions.find((s) => s.pid === 106)!
    expect(s106).toMatchObject({ stateAgeMs: 70_000, xactAgeMs: 71_000, queryAgeMs: 70_010 })
    const s101 = snap.sessions.find((s) => s.pid === 101)!
    expect(s101.xactAgeMs).toBeNull()
  })

  it('marks own sessions by pool pid, by application name and the sampler itself', () => {
    const own = snap.sessions.filter((s) => s.own).map((s) => s.pid)
    expect(own).toEqual([101, SAMPLER_PID])
    expect(snap.sessions.filter((s) => s.sampler).map((s) => s.pid)).toEqual([SAMPLER_PID])
    const named = snapshotOf([sampler(), session(5, { application_name: 'lifeguard-admin' })])
    expect(named.sessions.find((s) => s.pid === 5)?.own).toBe(true)
    const noPrefix = snapshotOf([sampler(), session(5, { application_name: 'lifeguard-admin' })], {
      context: { ownApplicationPrefix: '' },
    })
    expect(noPrefix.sessions.find((s) => s.pid === 5)?.own).toBe(false)
  })

  it('carries the sample timing and the frame through', () => {
    expect(snap).toMatchObject({
      sampledAt: SERVER_NOW,
      serverTime: SERVER_NOW,
      serverVersionNum: 180004,
      sampleMs: 3,
      samplerPid: SAMPLER_PID,
      seesAllSessions: true,
      hiddenSessions: 0,
    })
  })
})
