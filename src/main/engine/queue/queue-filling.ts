/**
 * The 'queue-filling' signal of a profile (it raises the profile's 'queue-filling' alert): on when
 * depth goes above `above` x maxQueueSize, off again only at or below `clearAtOrBelow` x
 * maxQueueSize, so a queue hovering at the boundary does not flap.
 */
export interface QueueFillingDetail {
  depth: number
  maxQueueSize: number
  /** depth / maxQueueSize. */
  ratio: number
}

export class FillingSignal {
  private on = false

  constructor(
    private readonly above: number,
    private readonly clearAtOrBelow: number,
    private readonly report: (detail: QueueFillingDetail | null) => void,
  ) {}

  get filling(): boolean {
    return this.on
  }

  /** Call with every depth change. */
  update(depth: number, maxQueueSize: number): void {
    const ratio = maxQueueSize > 0 ? depth / maxQueueSize : 0
    if (!this.on && ratio > this.above) {
      this.on = true
      this.report({ depth, maxQueueSize, ratio })
    } else if (this.on && ratio <= this.clearAtOrBelow) {
      this.on = false
      this.report(null)
    }
  }
}
