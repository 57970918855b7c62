/**
 * Every profile's typed engine events (issue 8, the Events tab): one bounded ring per profile
 * (EventRing, 2000 events by default), a sequence number increasing across the app's run, and
 * live delivery in batches: what was recorded is handed to `onBatch` at most every 250 ms on the
 * injected clock (a burst of events becomes one `events:recorded`).
 *
 * Messages and data are built by Lifeguard and bounded here (event-text.ts): never a password;
 * text from the server inside a message is data, shown as text.
 */
import type {
  EngineEvent,
  EngineEventKind,
  EngineEventPage,
  EngineEventSeverity,
} from '../../../shared/cockpit'
import type { Clock, TimerHandle } from '../core/clock'
import { boundedData, boundedMessage, type EventData } from './event-text'
import { EventRing } from './event-ring'

export const EVENTS_PER_PROFILE = 2000
export const EVENT_FLUSH_MS = 250
/** Most events one live batch carries; older ones of a storm stay in the rings (events:list). */
export const MAX_BATCH = 1000
export const DEFAULT_LIST_LIMIT = 500

export interface EventLogOptions {
  clock: Clock
  /** A batch of newly recorded events, oldest first. */
  onBatch(events: EngineEvent[]): void
  capacity?: number
  flushMs?: number
}

export interface EventQuery {
  kinds?: readonly EngineEventKind[]
  limit?: number
}

export class EngineEventLog {
  private readonly rings = new Map<string, EventRing>()
  private readonly capacity: number
  private readonly flushMs: number
  private seq = 0
  private pending: EngineEvent[] = []
  private timer: TimerHandle | undefined
  private lastFlushAt = -Infinity
  private closed = false

  constructor(private readonly options: EventLogOptions) {
    this.capacity = options.capacity ?? EVENTS_PER_PROFILE
    this.flushMs = options.flushMs ?? EVENT_FLUSH_MS
  }

  record(
    profileId: string,
    kind: EngineEventKind,
    severity: EngineEventSeverity,
    message: string,
    data: EventData = {},
  ): EngineEvent {
    const event: EngineEvent = {
      seq: ++this.seq,
      profileId,
      at: this.options.clock.wallNow(),
      kind,
      severity,
      message: boundedMessage(message),
      data: boundedData(data),
    }
    let ring = this.rings.get(profileId)
    if (!ring) this.rings.set(profileId, (ring = new EventRing(this.capacity)))
    ring.push(event)
    if (!this.closed) this.queue(event)
    return event
  }

  /** Newest first; `total` is how many the profile's ring holds. */
  list(profileId: string, query: EventQuery = {}): EngineEventPage {
    const ring = this.rings.get(profileId)
    const kinds = query.kinds ? new Set(query.kinds) : undefined
    return {
      profileId,
      events: ring ? ring.newest(query.limit ?? DEFAULT_LIST_LIMIT, kinds) : [],
      total: ring?.size ?? 0,
    }
  }

  /** Drops a profile's events (the profile was deleted); its pending live events still go out. */
  forget(profileId: string): void {
    this.rings.delete(profileId)
  }

  /** Sends what is pending now. */
  flush(): void {
    this.options.clock.clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.lastFlushAt = this.options.clock.now()
    try {
      this.options.onBatch(batch)
    } catch (error) {
      console.error('lifeguard: delivering engine events failed:', error)
    }
  }

  /** No more live batches (the rings still answer list). */
  close(): void {
    this.closed = true
    this.options.clock.clearTimeout(this.timer)
    this.timer = undefined
    this.pending = []
  }

  private queue(event: EngineEvent): void {
    this.pending.push(event)
    if (this.pending.length > MAX_BATCH) this.pending.splice(0, this.pending.length - MAX_BATCH)
    if (this.timer !== undefined) return
    const clock = this.options.clock
    // A quiet log flushes a lone event at once (next timer turn, so a burst still goes together);
    // a busy one at most every flushMs.
    const wait = Math.max(0, this.lastFlushAt + this.flushMs - clock.now())
    this.timer = clock.setTimeout(() => {
      this.timer = undefined
      this.flush()
    }, wait)
  }
}
