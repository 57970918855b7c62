/**
 * A fixed-capacity ring of one profile's engine events: the newest `capacity` are kept, the
 * oldest overwritten, so memory per profile is bounded by capacity x the bounded size of an event
 * (event-text.ts caps messages and data strings).
 */
import type { EngineEvent, EngineEventKind } from '../../../shared/cockpit'

export class EventRing {
  private readonly slots: Array<EngineEvent | undefined>
  /** Index the next event goes to. */
  private head = 0
  private count = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`an event ring needs a capacity of at least 1 (got ${capacity})`)
    this.slots = new Array<EngineEvent | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  push(event: EngineEvent): void {
    this.slots[this.head] = event
    this.head = (this.head + 1) % this.capacity
    if (this.count < this.capacity) this.count++
  }

  /** Newest first: at most `limit` events, only of `kinds` when given. */
  newest(limit: number, kinds?: ReadonlySet<EngineEventKind>): EngineEvent[] {
    const out: EngineEvent[] = []
    for (let i = 1; i <= this.count && out.length < limit; i++) {
      const event = this.slots[(this.head - i + this.capacity) % this.capacity]!
      if (kinds === undefined || kinds.has(event.kind)) out.push(event)
    }
    return out
  }
}
