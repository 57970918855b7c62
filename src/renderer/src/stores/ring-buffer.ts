/** A fixed-capacity ring: the oldest item is overwritten, so memory does not grow with uptime. */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[]
  #start = 0
  #size = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1')
    this.#items = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.#size
  }

  push(item: T): void {
    this.#items[(this.#start + this.#size) % this.capacity] = item
    if (this.#size < this.capacity) this.#size++
    else this.#start = (this.#start + 1) % this.capacity
  }

  /** Overwrites the newest item (or pushes into an empty ring). */
  replaceLatest(item: T): void {
    if (this.#size === 0) return this.push(item)
    this.#items[(this.#start + this.#size - 1) % this.capacity] = item
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = []
    for (let i = 0; i < this.#size; i++) {
      const item = this.#items[(this.#start + i) % this.capacity]
      if (item !== undefined) out.push(item)
    }
    return out
  }

  latest(): T | undefined {
    return this.#size === 0
      ? undefined
      : this.#items[(this.#start + this.#size - 1) % this.capacity]
  }
}
