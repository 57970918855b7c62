/**
 * Per profile: the connection status, its latest pool stats and a bounded history for the chart.
 * The ring buffers are mutated in place (hot data, no copies); `lastSampleAt` changes with every
 * sample so a chart can subscribe to it transiently and redraw without a React render.
 */
import type { StateCreator } from 'zustand'
import {
  emptyPoolStats,
  type PoolStats,
  type PoolStatsSample,
  type ProfileStatus,
} from '../../../../shared/domain'
import { RingBuffer } from '../ring-buffer'
import type { LifeguardState } from '../store'

/**
 * One history entry per second (main may push several samples a second; the newest of each
 * second is kept), so 120 entries are the last two minutes.
 */
export const HISTORY_CAPACITY = 120
const BUCKET_MS = 1_000
/** Probe latencies of the last two minutes (one a probe, every 2 s by default; room to spare). */
export const LATENCY_CAPACITY = 120

/** One probe's round trip for the card's sparkline; `ms: null` marks a gap (not connected). */
export interface LatencyPoint {
  at: number
  ms: number | null
}

/** Adds the status's probe latency to the ring; a status that is not connected breaks the line. */
function recordLatency(ring: RingBuffer<LatencyPoint>, status: ProfileStatus, at: number): void {
  const ms = status.state === 'connected' ? (status.health?.latencyMs ?? null) : null
  const latest = ring.latest()
  if (ms === null && (latest === undefined || latest.ms === null)) return
  ring.push({ at, ms })
}

function record(ring: RingBuffer<PoolStatsSample>, sample: PoolStatsSample): void {
  const latest = ring.latest()
  const sameSecond =
    latest !== undefined && Math.floor(latest.at / BUCKET_MS) === Math.floor(sample.at / BUCKET_MS)
  if (sameSecond) ring.replaceLatest(sample)
  else ring.push(sample)
}

export interface StatusesState {
  statuses: Record<string, ProfileStatus>
  history: Record<string, RingBuffer<PoolStatsSample>>
  lastSampleAt: Record<string, number>
  /** Probe latency per profile (mutated in place; follow `statuses[id]` to redraw). */
  latency: Record<string, RingBuffer<LatencyPoint>>
}

export interface StatusesActions {
  setStatus(status: ProfileStatus): void
  /** Several statuses pushed in one burst (each probe pushes one): one store update. */
  setStatuses(statuses: readonly ProfileStatus[]): void
  addSample(sample: PoolStatsSample): void
  /** Many samples at once (one store update for a burst of events). */
  addSamples(samples: readonly PoolStatsSample[]): void
  /** From a snapshot: a status already received by event and newer than the snapshot's wins. */
  mergeStatuses(statuses: ProfileStatus[]): void
  /** Forgets profiles that no longer exist. */
  keepStatusesOf(profileIds: string[]): void
}

export type StatusesSlice = StatusesState & StatusesActions

/**
 * A new connection starts a new series: 'connecting' after 'disconnected' (or before any status).
 * A connected profile that loses its database also goes to 'connecting' (reconnecting): its
 * history is kept, so the chart shows the outage next to what came before.
 */
function startsNewConnection(previous: ProfileStatus | undefined, next: ProfileStatus): boolean {
  return (
    next.state === 'connecting' && (previous === undefined || previous.state === 'disconnected')
  )
}

/** The latency ring of the status's profile, with its probe latency recorded (a new map only for a new ring). */
function withLatency(
  latency: Record<string, RingBuffer<LatencyPoint>>,
  status: ProfileStatus,
  now: number,
): Record<string, RingBuffer<LatencyPoint>> {
  let ring = latency[status.profileId]
  let next = latency
  if (!ring) {
    if (status.state !== 'connected') return latency
    ring = new RingBuffer<LatencyPoint>(LATENCY_CAPACITY)
    next = { ...latency, [status.profileId]: ring }
  }
  recordLatency(ring, status, now)
  return next
}

function without<T>(record: Record<string, T>, keep: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)))
}

export const createStatusesSlice: StateCreator<LifeguardState, [], [], StatusesSlice> = (
  set,
  get,
) => ({
  statuses: {},
  history: {},
  lastSampleAt: {},
  latency: {},
  setStatus: (status) => get().setStatuses([status]),
  setStatuses: (incoming) => {
    if (incoming.length === 0) return
    // Main drops a profile's sessions observer (and its alerts) when it disconnects.
    for (const status of incoming)
      if (status.state === 'disconnected') get().forgetServerView(status.profileId)
    set((s) => {
      const statuses = { ...s.statuses }
      let latency = s.latency
      let history = s.history
      let lastSampleAt = s.lastSampleAt
      for (const status of incoming) {
        const id = status.profileId
        const starts = startsNewConnection(statuses[id], status)
        statuses[id] = status
        latency = withLatency(latency, status, s.wallNow())
        if (!starts) continue
        if (lastSampleAt === s.lastSampleAt) lastSampleAt = { ...s.lastSampleAt }
        delete lastSampleAt[id]
        if (history === s.history) history = { ...s.history }
        history[id] = new RingBuffer<PoolStatsSample>(HISTORY_CAPACITY)
      }
      return { statuses, history, lastSampleAt, latency }
    })
  },
  addSample: (sample) => get().addSamples([sample]),
  addSamples: (samples) => {
    if (samples.length === 0) return
    set((s) => {
      let history = s.history
      let statuses = s.statuses
      const lastSampleAt = { ...s.lastSampleAt }
      for (const sample of samples) {
        const id = sample.profileId
        let ring = history[id]
        if (!ring) {
          if (history === s.history) history = { ...s.history }
          history[id] = ring = new RingBuffer(HISTORY_CAPACITY)
        }
        record(ring, sample)
        lastSampleAt[id] = Math.max(lastSampleAt[id] ?? -Infinity, sample.at)
        const current = statuses[id]
        // A late sample after a disconnect must not bring old counts back.
        if (current?.state !== 'connected') continue
        if (statuses === s.statuses) statuses = { ...s.statuses }
        statuses[id] = { ...current, pool: sample.stats }
      }
      return { history, lastSampleAt, statuses }
    })
  },
  mergeStatuses: (incoming) => {
    const disconnected: string[] = []
    set((s) => {
      const statuses = { ...s.statuses }
      let latency = s.latency
      for (const status of incoming) {
        const known = statuses[status.profileId]
        if (known && known.since > status.since) continue
        statuses[status.profileId] = status
        latency = withLatency(latency, status, s.wallNow())
        if (status.state === 'disconnected') disconnected.push(status.profileId)
      }
      return { statuses, latency }
    })
    for (const id of disconnected) get().forgetServerView(id)
  },
  keepStatusesOf: (profileIds) =>
    set((s) => {
      const keep = new Set(profileIds)
      return {
        statuses: without(s.statuses, keep),
        history: without(s.history, keep),
        lastSampleAt: without(s.lastSampleAt, keep),
        latency: without(s.latency, keep),
      }
    }),
})

export const statusesSelectors = {
  status:
    (id: string) =>
    (s: LifeguardState): ProfileStatus | undefined =>
      s.statuses[id],
  state: (id: string) => (s: LifeguardState) => s.statuses[id]?.state ?? 'disconnected',
  /** The pool's lifecycle state while connected (null without a pool). */
  poolState: (id: string) => (s: LifeguardState) => s.statuses[id]?.poolState ?? null,
  /** The pool's figures, or all zero when Lifeguard holds no connection for this profile. */
  pool:
    (id: string) =>
    (s: LifeguardState): PoolStats =>
      s.statuses[id]?.pool ?? emptyPoolStats,
  /** Not for React renders: read by charts through a transient subscription. */
  history: (id: string) => (s: LifeguardState) => s.history[id],
  lastSampleAt: (id: string) => (s: LifeguardState) => s.lastSampleAt[id],
  /** Not for React renders: the sparkline reads it when `status(id)` changes. */
  latency: (id: string) => (s: LifeguardState) => s.latency[id],
  connectedCount: (s: LifeguardState) =>
    Object.values(s.statuses).filter((st) => st.state === 'connected').length,
}
