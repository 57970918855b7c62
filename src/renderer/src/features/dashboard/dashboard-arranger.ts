/**
 * Keeps the dashboard's arrangement (which cards, in which order) current without re-rendering
 * the grid for every sample: a change of the profile list or of a profile's state re-arranges at
 * once; for sorts by live figures (latency, pool use, alerts) the order is refreshed at most once
 * per beat, so cards do not jump on every sample. Listeners hear only of real changes.
 * An external store for useSyncExternalStore; the timer source is injected for tests.
 */
import type { TimerSource } from '../../lib/second-ticker'
import type { LifeguardState, LifeguardStore } from '../../stores/store'
import {
  arrangeDashboard,
  liveSorts,
  sameArrangement,
  type Arrangement,
  type DashboardQuery,
} from './dashboard-model'

/** How often a live sort is refreshed. */
export const LIVE_RESORT_MS = 3_000

/** True when a profile was added, removed or changed state, or one's alerts changed (filters). */
function structuralChange(state: LifeguardState, previous: LifeguardState): boolean {
  if (state.profiles !== previous.profiles) return true
  if (state.statuses === previous.statuses) return false
  for (const id in state.statuses)
    if (state.statuses[id]?.state !== previous.statuses[id]?.state) return true
  for (const id in previous.statuses) if (!(id in state.statuses)) return true
  return false
}

export class DashboardArranger {
  #current: Arrangement
  readonly #listeners = new Set<() => void>()
  #unsubscribe: (() => void) | undefined
  #timer: unknown

  constructor(
    private readonly store: Pick<LifeguardStore, 'getState' | 'subscribe'>,
    private readonly query: DashboardQuery,
    private readonly timers: TimerSource,
  ) {
    this.#current = arrangeDashboard(store.getState(), query)
  }

  getSnapshot = (): Arrangement => this.#current

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    if (!this.#unsubscribe) {
      this.#unsubscribe = this.store.subscribe((state, previous) => this.#onChange(state, previous))
      this.#refresh()
    }
    return () => {
      this.#listeners.delete(listener)
      if (this.#listeners.size > 0) return
      this.#unsubscribe?.()
      this.#unsubscribe = undefined
      this.#cancelBeat()
    }
  }

  #onChange(state: LifeguardState, previous: LifeguardState): void {
    if (structuralChange(state, previous)) {
      this.#cancelBeat()
      this.#refresh()
      return
    }
    if (!liveSorts.has(this.query.sort) || this.#timer !== undefined) return
    if (state.statuses === previous.statuses && state.alerts === previous.alerts) return
    this.#timer = this.timers.setTimeout(() => {
      this.#timer = undefined
      this.#refresh()
    }, LIVE_RESORT_MS)
  }

  #cancelBeat(): void {
    if (this.#timer === undefined) return
    this.timers.clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #refresh(): void {
    const next = arrangeDashboard(this.store.getState(), this.query)
    if (sameArrangement(this.#current, next)) return
    this.#current = next
    for (const listener of [...this.#listeners]) listener()
  }
}
