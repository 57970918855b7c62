/**
 * The Overview's data for one profile and range: loads main's history, seeds from the store's
 * last two minutes meanwhile, folds in every live sample (a transient store subscription, no
 * React render) and tells its charts to redraw. The charts share one computed ChartSeries per
 * change. Load failures are kept (shown next to the charts, which still run on live samples).
 */
import type { LifeguardApi } from '../../../../shared/contract'
import type { HistoryRange } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import { selectors, type LifeguardState, type LifeguardStore } from '../../stores/store'
import { chartSeries, drawable, SeriesBuffer, type ChartSeries } from './series-buffer'

/** Buckets a chart line is reduced to for drawing (about twice as many points at most). */
export const DRAW_BUCKETS = 150

export type HistoryLoad =
  { phase: 'loading' } | { phase: 'loaded'; points: number } | { phase: 'failed'; error: ErrorInfo }

export class MetricsSource {
  readonly buffer: SeriesBuffer
  #listeners = new Set<() => void>()
  #loadListeners = new Set<() => void>()
  #version = 0
  #computedVersion = -1
  #computed: ChartSeries | undefined
  #load: HistoryLoad = { phase: 'loading' }
  #unsubscribe: (() => void) | undefined
  #lastChangeAt = -Infinity

  constructor(
    private readonly store: Pick<LifeguardStore, 'getState' | 'subscribe'>,
    readonly profileId: string,
    readonly range: HistoryRange,
  ) {
    this.buffer = new SeriesBuffer(range)
    const ring = selectors.statuses.history(profileId)(store.getState())
    for (const s of ring?.toArray() ?? []) this.buffer.addSample(s.at, s.stats)
  }

  /** Wall ms now (the store's clock, so tests control it). */
  now(): number {
    return this.store.getState().wallNow()
  }

  get load(): HistoryLoad {
    return this.#load
  }

  /** Starts following live samples; returns the stop function. */
  start(): () => void {
    const last = selectors.statuses.lastSampleAt(this.profileId)
    this.#unsubscribe = this.store.subscribe((state, previous) => {
      if (last(state) !== last(previous)) this.#addLatest(state)
    })
    return () => {
      this.#unsubscribe?.()
      this.#unsubscribe = undefined
    }
  }

  async loadHistory(api: LifeguardApi): Promise<void> {
    let result
    try {
      result = await api.getMetricsHistory({ id: this.profileId, range: this.range })
    } catch (error) {
      this.#setLoad({ phase: 'failed', error: { code: 'internal', message: String(error) } })
      return
    }
    if (!result.ok) {
      this.#setLoad({ phase: 'failed', error: result.error })
      return
    }
    this.buffer.loadHistory(result.data)
    this.#setLoad({ phase: 'loaded', points: result.data.points.length })
    this.#changed()
  }

  series(): ChartSeries {
    if (!this.#computed || this.#computedVersion !== this.#version) {
      this.buffer.trim(this.now())
      this.#computed = drawable(chartSeries(this.buffer.points, this.buffer.spec), DRAW_BUCKETS)
      this.#computedVersion = this.#version
    }
    return this.#computed
  }

  /** The x axis: the range's window ending now. */
  xRange(): { min: number; max: number } {
    const max = this.now()
    return { min: max - this.buffer.spec.windowMs, max }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  subscribeLoad = (listener: () => void): (() => void) => {
    this.#loadListeners.add(listener)
    return () => void this.#loadListeners.delete(listener)
  }

  getLoad = (): HistoryLoad => this.#load

  /** Moves the time axis on when no sample came for a while (nothing to fold, only to redraw). */
  slide(): void {
    if (this.now() - this.#lastChangeAt < 1_500) return
    this.#lastChangeAt = this.now()
    for (const listener of [...this.#listeners]) listener()
  }

  #addLatest(state: LifeguardState): void {
    const latest = selectors.statuses.history(this.profileId)(state)?.latest()
    if (!latest) return
    this.buffer.addSample(latest.at, latest.stats)
    this.#changed()
  }

  #setLoad(load: HistoryLoad): void {
    this.#load = load
    for (const listener of [...this.#loadListeners]) listener()
  }

  #changed(): void {
    this.#version++
    this.#lastChangeAt = this.now()
    for (const listener of [...this.#listeners]) listener()
  }
}
