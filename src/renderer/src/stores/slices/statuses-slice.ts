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
}

export interface StatusesActions {
  setStatus(status: ProfileStatus): void
  addSample(sample: PoolStatsSample): void
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
  setStatus: (status) => {
    // Main drops a profile's sessions observer (and its alerts) when it disconnects.
    if (status.state === 'disconnected') get().forgetServerView(status.profileId)
    set((s) => {
      const statuses = { ...s.statuses, [status.profileId]: status }
      if (!startsNewConnection(s.statuses[status.profileId], status)) return { statuses }
      const { [status.profileId]: _dropped, ...lastSampleAt } = s.lastSampleAt
      const history = {
        ...s.history,
        [status.profileId]: new RingBuffer<PoolStatsSample>(HISTORY_CAPACITY),
      }
      return { statuses, history, lastSampleAt }
    })
  },
  addSample: (sample) =>
    set((s) => {
      let ring = s.history[sample.profileId]
      const history = ring
        ? s.history
        : { ...s.history, [sample.profileId]: (ring = new RingBuffer(HISTORY_CAPACITY)) }
      record(ring, sample)
      const lastSampleAt = { ...s.lastSampleAt, [sample.profileId]: sample.at }
      const current = s.statuses[sample.profileId]
      // A late sample after a disconnect must not bring old counts back.
      if (current?.state !== 'connected') return { history, lastSampleAt }
      const statuses = { ...s.statuses, [sample.profileId]: { ...current, pool: sample.stats } }
      return { history, lastSampleAt, statuses }
    }),
  mergeStatuses: (incoming) => {
    const disconnected: string[] = []
    set((s) => {
      const statuses = { ...s.statuses }
      for (const status of incoming) {
        const known = statuses[status.profileId]
        if (known && known.since > status.since) continue
        statuses[status.profileId] = status
        if (status.state === 'disconnected') disconnected.push(status.profileId)
      }
      return { statuses }
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
      }
    }),
})

export const statusesSelectors = {
  status:
    (id: string) =>
    (s: LifeguardState): ProfileStatus | undefined =>
      s.statuses[id],
  state: (id: string) => (s: LifeguardState) => s.statuses[id]?.state ?? 'disconnected',
  /** The pool's figures, or all zero when Lifeguard holds no connection for this profile. */
  pool:
    (id: string) =>
    (s: LifeguardState): PoolStats =>
      s.statuses[id]?.pool ?? emptyPoolStats,
  /** Not for React renders: read by charts through a transient subscription. */
  history: (id: string) => (s: LifeguardState) => s.history[id],
  lastSampleAt: (id: string) => (s: LifeguardState) => s.lastSampleAt[id],
  connectedCount: (s: LifeguardState) =>
    Object.values(s.statuses).filter((st) => st.state === 'connected').length,
}
