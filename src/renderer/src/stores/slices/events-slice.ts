/**
 * Engine events per profile, for the Events tab: newest first, bounded (a ring per profile), and
 * kept only for profiles whose events were loaded once (events:list), so 200 profiles that are
 * never opened cost nothing. Live batches (events:recorded) are merged in; an event seen both in
 * the list and by event is kept once (by seq).
 */
import type { StateCreator } from 'zustand'
import type { EngineEvent } from '../../../../shared/cockpit'
import type { LifeguardState } from '../store'

/** Events kept per profile in the renderer. */
export const EVENTS_CAPACITY = 1_000

/** Newest first, unique by seq, at most `capacity`. */
export function mergeEvents(
  known: readonly EngineEvent[],
  added: readonly EngineEvent[],
  capacity = EVENTS_CAPACITY,
): EngineEvent[] {
  if (added.length === 0) return known.slice(0, capacity)
  const seen = new Set<number>()
  const all = [...added, ...known]
    .filter((e) => !seen.has(e.seq) && (seen.add(e.seq), true))
    .sort((a, b) => b.seq - a.seq)
  return all.length > capacity ? all.slice(0, capacity) : all
}

export interface EventsState {
  /** Only profiles whose list was loaded (watched). */
  engineEvents: Record<string, EngineEvent[]>
}

export interface EventsActions {
  /** An events:list answer: the profile is watched from now on. */
  setEngineEvents(profileId: string, events: readonly EngineEvent[]): void
  /** A live batch (events:recorded); events of unwatched profiles are dropped. */
  addEngineEvents(events: readonly EngineEvent[]): void
  keepEventsOf(profileIds: string[]): void
}

export type EventsSlice = EventsState & EventsActions

export const createEventsSlice: StateCreator<LifeguardState, [], [], EventsSlice> = (set) => ({
  engineEvents: {},
  setEngineEvents: (profileId, events) =>
    set((s) => ({
      engineEvents: {
        ...s.engineEvents,
        [profileId]: mergeEvents(s.engineEvents[profileId] ?? [], events),
      },
    })),
  addEngineEvents: (events) =>
    set((s) => {
      const byProfile = new Map<string, EngineEvent[]>()
      for (const event of events) {
        if (!s.engineEvents[event.profileId]) continue
        const list = byProfile.get(event.profileId)
        if (list) list.push(event)
        else byProfile.set(event.profileId, [event])
      }
      if (byProfile.size === 0) return {}
      const engineEvents = { ...s.engineEvents }
      for (const [id, added] of byProfile)
        engineEvents[id] = mergeEvents(engineEvents[id] ?? [], added)
      return { engineEvents }
    }),
  keepEventsOf: (profileIds) =>
    set((s) => {
      const keep = new Set(profileIds)
      const entries = Object.entries(s.engineEvents)
      if (entries.every(([id]) => keep.has(id))) return {}
      return { engineEvents: Object.fromEntries(entries.filter(([id]) => keep.has(id))) }
    }),
})

const none: EngineEvent[] = []

export const eventsSelectors = {
  /** Newest first; empty until loaded. */
  events:
    (id: string) =>
    (s: LifeguardState): EngineEvent[] =>
      s.engineEvents[id] ?? none,
  watched:
    (id: string) =>
    (s: LifeguardState): boolean =>
      s.engineEvents[id] !== undefined,
}
