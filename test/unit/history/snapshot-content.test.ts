/**
 * What one snapshot writes: a deterministic id `snapshot:<profileId>:<takenAt>`, the INSERT into
 * lifeguard.pool_snapshots with one bound value per column (the figures of the profile's status,
 * its server sample and queue depth), nulls for what is not known, and nothing but names and
 * figures (a password, a connection target or a query text has no column to go to).
 */
import { describe, expect, it } from 'vitest'
import { snapshotColumns, insertSnapshotSql } from '../../../src/main/engine/history/history-sql'
import {
  snapshotId,
  snapshotOperation,
  snapshotValues,
} from '../../../src/main/engine/history/snapshot-operation'
import { statementProblem } from '../../../src/main/engine/queue/statement-rules'
import { source } from './support'

const TAKEN = Date.UTC(2026, 4, 5, 6, 7, 8, 9)

describe('a history snapshot operation', () => {
  it('has a deterministic id and one bound value per column, in column order', () => {
    const s = source('p-a', 'orders primary', 3)
    const op = snapshotOperation(s, TAKEN)
    expect(op.id).toBe(`snapshot:p-a:${TAKEN}`)
    expect(snapshotOperation(s, TAKEN)).toEqual(op)
    expect(op.kind).toBe('history-snapshot')
    expect(op.params).toHaveLength(snapshotColumns.length)
    const byColumn = Object.fromEntries(snapshotColumns.map((c, i) => [c, op.params![i]]))
    const pool = s.status.pool!
    expect(byColumn).toEqual({
      snapshot_id: snapshotId('p-a', TAKEN),
      taken_at: '2026-05-05T06:07:08.009Z',
      profile_id: 'p-a',
      profile_name: 'orders primary',
      state: 'connected',
      health_level: 'warning',
      breaker: 'closed',
      probe_latency_ms: s.status.health!.latencyMs,
      pool_total: pool.total,
      pool_active: pool.active,
      pool_idle: pool.idle,
      pool_waiting: pool.waiting,
      pool_max: pool.max,
      pool_min: pool.min,
      pool_pending_creates: pool.pendingCreates,
      pool_acquires: pool.acquires,
      pool_timeouts: pool.timeouts,
      pool_leaks: pool.leaks,
      wait_p50_ms: pool.waitP50Ms,
      wait_p95_ms: pool.waitP95Ms,
      wait_p99_ms: pool.waitP99Ms,
      server_connections_used: 23,
      server_connections_available: 97,
      server_max_connections: 100,
      queue_depth: 3,
    })
  })

  it('writes null for what is not known (no server sample, no health, no pool)', () => {
    const s = source('p-b', 'b', 0)
    const values = snapshotValues(
      { ...s, server: null, queueDepth: null, status: { ...s.status, pool: null, health: null } },
      TAKEN,
    )
    for (const c of snapshotColumns.filter((c) => c.startsWith('pool_') || c.startsWith('server_')))
      expect(values[c], c).toBeNull()
    expect(values.health_level).toBeNull()
    expect(values.queue_depth).toBeNull()
  })

  it('is one statement with $1..$n placeholders that the queue accepts', () => {
    expect(statementProblem(insertSnapshotSql)).toBeNull()
    expect(insertSnapshotSql.split('\n')[0]).toBe('INSERT INTO lifeguard.pool_snapshots')
    for (let i = 1; i <= snapshotColumns.length; i++) expect(insertSnapshotSql).toContain(`$${i}`)
    expect(insertSnapshotSql).not.toContain(`$${snapshotColumns.length + 1}`)
    expect(insertSnapshotSql).toMatch(/ON CONFLICT \(snapshot_id\) DO NOTHING$/)
  })

  it('carries names and figures only', () => {
    const s = source('p-c', 'reporting', 5)
    const op = snapshotOperation(s, TAKEN)
    const text = JSON.stringify(op)
    for (const forbidden of ['password', 'host', '127.0.0.1', 'postgres://', 'SELECT'])
      expect(text.includes(forbidden), forbidden).toBe(false)
    for (const p of op.params!)
      expect(['string', 'number', 'boolean'].includes(typeof p) || p === null).toBe(true)
  })
})
