/** The retry timeline of one profile: a bounded ring of attempt records, oldest dropped first. */
import type { AttemptRecord } from '../../../shared/domain'

export class AttemptTimeline {
  private readonly items: AttemptRecord[] = []
  private start = 0

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length
  }

  push(record: AttemptRecord): void {
    if (this.items.length < this.capacity) {
      this.items.push(record)
      return
    }
    this.items[this.start] = record
    this.start = (this.start + 1) % this.capacity
  }

  /** Oldest first. */
  list(): AttemptRecord[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)]
  }

  clear(): void {
    this.items.length = 0
    this.start = 0
  }
}
