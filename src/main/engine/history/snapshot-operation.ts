/**
 * One profile's metrics snapshot as one queued operation of the history sink: the INSERT of
 * history-sql.ts with its values, under a deterministic id. Built from figures only (the profile's
 * id and name, its status, the latest server sample, its queue depth): no password, no connection
 * setting, no query text can reach the sink's table.
 */
import type { ProfileStatus } from '../../../shared/domain'
import type { QueueParam } from '../../../shared/queue'
import type { EnqueueInput } from '../queue'
import { insertSnapshotSql, snapshotColumns, type SnapshotColumn } from './history-sql'

/** What a snapshot of one profile is taken from. */
export interface SnapshotSource {
  profileId: string
  profileName: string
  status: ProfileStatus
  /** Server connections from the latest sessions sample, or null (none yet, or not sampled). */
  server: { used: number; available: number; maxConnections: number } | null
  /** The profile's write-queue depth, or null when unknown. */
  queueDepth: number | null
}

/** `snapshot:<profileId>:<takenAt>`: the same snapshot always has the same id. */
export function snapshotId(profileId: string, takenAt: number): string {
  return `snapshot:${profileId}:${takenAt}`
}

export function snapshotValues(
  source: SnapshotSource,
  takenAt: number,
): Record<SnapshotColumn, QueueParam> {
  const { status, server } = source
  const pool = status.pool
  const health = status.health
  return {
    snapshot_id: snapshotId(source.profileId, takenAt),
    taken_at: new Date(takenAt).toISOString(),
    profile_id: source.profileId,
    profile_name: source.profileName,
    state: status.state,
    health_level: health?.level ?? null,
    breaker: health?.breaker ?? null,
    probe_latency_ms: health?.latencyMs ?? null,
    pool_total: pool?.total ?? null,
    pool_active: pool?.active ?? null,
    pool_idle: pool?.idle ?? null,
    pool_waiting: pool?.waiting ?? null,
    pool_max: pool?.max ?? null,
    pool_min: pool?.min ?? null,
    pool_pending_creates: pool?.pendingCreates ?? null,
    pool_acquires: pool?.acquires ?? null,
    pool_timeouts: pool?.timeouts ?? null,
    pool_leaks: pool?.leaks ?? null,
    wait_p50_ms: pool?.waitP50Ms ?? null,
    wait_p95_ms: pool?.waitP95Ms ?? null,
    wait_p99_ms: pool?.waitP99Ms ?? null,
    server_connections_used: server?.used ?? null,
    server_connections_available: server?.available ?? null,
    server_max_connections: server?.maxConnections ?? null,
    queue_depth: source.queueDepth,
  }
}

export function snapshotOperation(source: SnapshotSource, takenAt: number): EnqueueInput {
  const values = snapshotValues(source, takenAt)
  return {
    id: snapshotId(source.profileId, takenAt),
    kind: 'history-snapshot',
    sql: insertSnapshotSql,
    params: snapshotColumns.map((c) => values[c]),
  }
}
