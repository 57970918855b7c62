/** A HistorySink on a fake clock with recorded enqueues, and profile statuses to snapshot. */
import type { HistorySinkSettings } from '../../../src/shared/cockpit'
import type { PoolStats, ProfileStatus } from '../../../src/shared/domain'
import type { HistorySinkStatus } from '../../../src/shared/queue'
import { HistorySink } from '../../../src/main/engine/history/history-sink'
import type { SnapshotSource } from '../../../src/main/engine/history/snapshot-operation'
import type { EnqueueInput } from '../../../src/main/engine/queue'
import { FakeClock } from '../../helpers/fake-clock'

export function poolStats(seed: number): PoolStats {
  return {
    total: 4 + seed,
    active: 1 + seed,
    idle: 3,
    waiting: seed % 3,
    max: 10,
    min: 2,
    pendingCreates: 0,
    acquires: 1000 + seed,
    timeouts: seed,
    leaks: seed % 2,
    waitP50Ms: 0.5 + seed,
    waitP95Ms: 2.5 + seed,
    waitP99Ms: 9.25 + seed,
  }
}

export function connected(profileId: string, seed: number): ProfileStatus {
  return {
    profileId,
    state: 'connected',
    pool: poolStats(seed),
    serverVersion: '18.1',
    error: null,
    since: 0,
    health: {
      level: seed % 2 === 0 ? 'healthy' : 'warning',
      reasons: [],
      latencyMs: 1.5 + seed,
      consecutiveFailures: 0,
      backoffStep: 0,
      nextAttemptAt: null,
      breaker: 'closed',
      unreachableSince: null,
      errorClass: null,
    },
    poolState: 'running',
    drain: null,
  }
}

export function source(profileId: string, name: string, seed: number): SnapshotSource {
  return {
    profileId,
    profileName: name,
    status: connected(profileId, seed),
    server: { used: 20 + seed, available: 97, maxConnections: 100 },
    queueDepth: seed,
  }
}

export function sinkHarness(initial: HistorySinkSettings, sources: SnapshotSource[]) {
  const clock = new FakeClock()
  let settings = { ...initial }
  const tables = new Set<string>()
  const enqueued: Array<{ sink: string; operations: EnqueueInput[]; at: number }> = []
  const statuses: HistorySinkStatus[] = []
  let refuse: Error | null = null
  let hold = false
  const sink = new HistorySink({
    clock,
    settings: () => settings,
    tablesReady: (id) => tables.has(id),
    sources: () => sources,
    enqueue: async (sinkId, operations) => {
      enqueued.push({ sink: sinkId, operations, at: clock.now() })
      if (hold) return new Promise<never>(() => undefined)
      return operations.map((op) =>
        refuse
          ? { status: 'rejected' as const, reason: refuse }
          : { status: 'fulfilled' as const, value: op },
      )
    },
    createTables: async (id) => {
      tables.add(id)
    },
    onStatus: (status) => statuses.push(status),
  })
  sink.configure()
  return {
    clock,
    sink,
    tables,
    enqueued,
    statuses,
    set(next: HistorySinkSettings) {
      settings = { ...next }
      sink.configure()
    },
    refuseWith(error: Error | null) {
      refuse = error
    },
    /** Enqueues never settle (a disk that hangs). */
    holdEnqueues() {
      hold = true
    },
  }
}
