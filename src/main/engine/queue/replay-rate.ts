/**
 * Operations applied per second over the last 10 s, from per-second buckets on the monotonic
 * clock (fixed memory: one bucket per second of the window).
 */
const WINDOW_MS = 10_000
const BUCKET_MS = 1_000

export class ReplayRate {
  private readonly buckets = new Map<number, number>()

  constructor(private readonly now: () => number) {}

  add(count: number): void {
    const slot = Math.floor(this.now() / BUCKET_MS)
    this.buckets.set(slot, (this.buckets.get(slot) ?? 0) + count)
    this.prune(slot)
  }

  perSecond(): number {
    const slot = Math.floor(this.now() / BUCKET_MS)
    this.prune(slot)
    let sum = 0
    for (const count of this.buckets.values()) sum += count
    return sum / (WINDOW_MS / 1000)
  }

  private prune(slot: number): void {
    const oldest = slot - WINDOW_MS / BUCKET_MS + 1
    for (const key of this.buckets.keys()) if (key < oldest) this.buckets.delete(key)
  }
}
