/**
 * The transport sender's batching (architecture.md convention 8: "batched, at most a few Hz for
 * samples; immediate for state changes and alerts"), shared by both transports.
 *
 * - Samples (`pool:stats-changed`, `sessions:sampled`, `queue:changed`) are coalesced per
 *   profile: the latest one wins and keeps its place; what is pending is flushed `intervalMs`
 *   (250 ms) after the first sample arrived, so a profile's samples reach the renderer at most 4
 *   times a second.
 * - A profile's status (`connection:state-changed`) that only brings fresher figures (each health
 *   probe pushes one) is coalesced the same way; one with news (state, level, breaker, pool
 *   state, drain phase, error: status-news.ts) goes out at once.
 * - Every other event goes out at once, after what is pending for the same profile (or, for an
 *   event that names no profile, after everything pending), in the same delivery: the order per
 *   profile is the engine's order, so a state change never overtakes an older sample.
 *
 * `deliver` receives each flush as one list (browser mode sends it as one WebSocket frame).
 * Time is injected (a fake clock in tests).
 */
import type { EventChannel } from '../../shared/channels'
import type { Clock, TimerHandle } from '../engine/core/clock'
import type { ServerEvent } from '../../shared/ws-protocol'
import { statusNewsKey } from './status-news'

/**
 * Channels whose events are coalesced per profile (latest wins). A write queue's status is
 * sample-like too (a replay pushes its counters as they move; each status is complete).
 */
export const coalescedChannels: ReadonlySet<EventChannel> = new Set<EventChannel>([
  'pool:stats-changed',
  'sessions:sampled',
  'queue:changed',
])

export const BATCH_INTERVAL_MS = 250

export type BatchTimers = Pick<Clock, 'setTimeout' | 'clearTimeout'>

/** The profile an event is about, when its payload names one. */
export function profileIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const id = (payload as { profileId?: unknown }).profileId
  return typeof id === 'string' ? id : undefined
}

export class EventBatcher {
  /** Pending samples by channel and profile, in arrival order of their first sample. */
  private readonly pending = new Map<string, ServerEvent & { profileId: string | undefined }>()
  private timer: TimerHandle | undefined
  private stopped = false
  /** Per profile, the news part of the last status that went out at once (status-news.ts). */
  private readonly statusNews = new Map<string, string>()

  constructor(
    private readonly timers: BatchTimers,
    private readonly deliver: (events: ServerEvent[]) => void,
    private readonly intervalMs = BATCH_INTERVAL_MS,
  ) {}

  /** How many coalesced samples wait for the next flush. */
  get pendingCount(): number {
    return this.pending.size
  }

  push(channel: EventChannel, payload: unknown): void {
    if (this.stopped) return
    const profileId = profileIdOf(payload)
    if (coalescedChannels.has(channel) || this.isStatusFigures(channel, profileId, payload)) {
      // Map.set on an existing key keeps its place: the latest payload, the first position.
      this.pending.set(`${channel}\u0000${profileId ?? ''}`, { channel, payload, profileId })
      if (this.timer === undefined)
        this.timer = this.timers.setTimeout(() => {
          this.timer = undefined
          this.flush()
        }, this.intervalMs)
      return
    }
    const batch = this.take(profileId)
    batch.push({ channel, payload })
    this.send(batch)
  }

  /**
   * A status that changes nothing but figures is coalesced like a sample; one with news (a new
   * state, level, breaker...) goes out at once, and is remembered as the last news.
   */
  private isStatusFigures(channel: EventChannel, profileId: string | undefined, payload: unknown) {
    if (channel !== 'connection:state-changed' || profileId === undefined) return false
    const news = statusNewsKey(payload)
    if (this.statusNews.get(profileId) === news) return true
    this.statusNews.set(profileId, news)
    return false
  }

  /** Sends everything pending now. */
  flush(): void {
    const batch = this.take(undefined)
    if (batch.length > 0) this.send(batch)
  }

  /** Drops what is pending and sends nothing more. */
  stop(): void {
    this.stopped = true
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
    this.pending.clear()
  }

  /** The pending samples of one profile (or all, for undefined), removed from the queue. */
  private take(profileId: string | undefined): ServerEvent[] {
    const out: ServerEvent[] = []
    for (const [key, event] of this.pending) {
      if (profileId !== undefined && event.profileId !== profileId) continue
      out.push({ channel: event.channel, payload: event.payload })
      this.pending.delete(key)
    }
    if (this.pending.size === 0) {
      this.timers.clearTimeout(this.timer)
      this.timer = undefined
    }
    return out
  }

  private send(batch: ServerEvent[]): void {
    try {
      this.deliver(batch)
    } catch (error) {
      console.error('lifeguard: delivering events failed:', error)
    }
  }
}
