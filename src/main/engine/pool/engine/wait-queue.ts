/**
 * Callers waiting for a connection. FIFO by default; with priorities, one FIFO lane per level and
 * ageing: a waiter's effective level rises by one per `agingMs` waited, up to 'critical', and
 * ties go to the earlier arrival. So a 'low' waiter outranks every newcomer after at most
 * 3 x agingMs and is never starved. Only the heads of the four lanes are compared (O(1) per
 * hand-out); a waiter that gives up is marked and skipped later (O(1) cancel).
 *
 * Partitions (partitions.ts): each group (0 = general, 1..n = a partition) has its own four lanes,
 * so the scheduler can find the first waiter of one group (`peekGroup`) without scanning. Without
 * partitions there is one group and the work per hand-out is what it was.
 */
import type { TimerHandle } from '../../core/clock'
import type { AcquireSite, PoolHolder } from './pool-entry'
import type { PoolLease } from './pool-lease'

export type Priority = 'low' | 'normal' | 'high' | 'critical'

export const priorityLevel: Readonly<Record<Priority, number>> = {
  low: 0,
  normal: 1,
  high: 2,
  critical: 3,
}
const TOP = 3

export class Waiter {
  queued = false
  settled = false
  timer: TimerHandle | undefined = undefined
  /** 0 = general; 1..n = the partition (see partitions.ts). Set before `push`. */
  group = 0

  constructor(
    readonly seq: number,
    readonly level: number,
    readonly enqueuedAt: number,
    readonly holder: PoolHolder | undefined,
    readonly site: AcquireSite | undefined,
    readonly waitIfDraining: boolean,
    readonly timeoutMs: number,
    readonly resolve: (lease: PoolLease) => void,
    readonly reject: (error: Error) => void,
  ) {}
}

/** An array queue with a moving head; compacts when the dead prefix grows large. */
class Lane {
  private items: Waiter[] = []
  private head = 0

  push(w: Waiter): void {
    this.items.push(w)
  }

  /** The first waiter still queued (dead ones at the front are dropped). */
  peek(): Waiter | undefined {
    while (this.head < this.items.length) {
      const w = this.items[this.head]!
      if (w.queued) return w
      this.head++
    }
    if (this.head > 0) {
      this.items = []
      this.head = 0
    }
    return undefined
  }

  shift(): void {
    this.head++
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
  }

  *live(): Generator<Waiter> {
    for (let i = this.head; i < this.items.length; i++)
      if (this.items[i]!.queued) yield this.items[i]!
  }
}

export class WaitQueue {
  /** Four lanes (one per level) per group: lane index = group * 4 + level. */
  private readonly lanes: Lane[]
  private count = 0
  private nextSeq = 1
  /** Queued waiters per group. */
  readonly groupSizes: number[]
  /** How many queued waiters each holder has (for self-deadlock detection). */
  readonly waitingHolders = new Map<PoolHolder, number>()

  constructor(
    private readonly agingMs: number,
    groups = 1,
  ) {
    this.lanes = Array.from({ length: groups * 4 }, () => new Lane())
    this.groupSizes = new Array<number>(groups).fill(0)
  }

  get size(): number {
    return this.count
  }

  takeSeq(): number {
    return this.nextSeq++
  }

  push(w: Waiter): void {
    w.queued = true
    this.count++
    this.groupSizes[w.group]!++
    this.lanes[w.group * 4 + w.level]!.push(w)
    if (w.holder !== undefined)
      this.waitingHolders.set(w.holder, (this.waitingHolders.get(w.holder) ?? 0) + 1)
  }

  /** Takes `w` out of the queue (it gave up or was served). */
  remove(w: Waiter): void {
    if (!w.queued) return
    w.queued = false
    this.count--
    this.groupSizes[w.group]!--
    if (w.holder !== undefined) {
      const n = (this.waitingHolders.get(w.holder) ?? 1) - 1
      if (n === 0) this.waitingHolders.delete(w.holder)
      else this.waitingHolders.set(w.holder, n)
    }
  }

  effectiveLevel(w: Waiter, now: number): number {
    if (w.level === TOP) return TOP
    const level = w.level + Math.floor((now - w.enqueuedAt) / this.agingMs)
    return level > TOP ? TOP : level
  }

  /** True when `a` is served before `b` at `now`. */
  before(a: Waiter, b: Waiter, now: number): boolean {
    const la = this.effectiveLevel(a, now)
    const lb = this.effectiveLevel(b, now)
    return la > lb || (la === lb && a.seq < b.seq)
  }

  /** The waiter to serve next at `now`, without removing it. */
  peek(now: number): Waiter | undefined {
    if (this.count === 0) return undefined
    let best: Waiter | undefined
    for (let i = this.lanes.length - 1; i >= 0; i--) {
      const w = this.lanes[i]!.peek()
      if (w && (best === undefined || this.before(w, best, now))) best = w
    }
    return best
  }

  /** The first waiter of one group at `now`, without removing it. */
  peekGroup(group: number, now: number): Waiter | undefined {
    if (this.groupSizes[group] === 0) return undefined
    let best: Waiter | undefined
    for (let i = group * 4 + TOP; i >= group * 4; i--) {
      const w = this.lanes[i]!.peek()
      if (w && (best === undefined || this.before(w, best, now))) best = w
    }
    return best
  }

  /** Removes `w`, which `peek` or `peekGroup` just returned (so it heads its lane). */
  take(w: Waiter): void {
    this.remove(w)
    this.lanes[w.group * 4 + w.level]!.shift()
  }

  /** Removes and returns the waiter to serve next at `now`. */
  shift(now: number): Waiter | undefined {
    const w = this.peek(now)
    if (w) this.take(w)
    return w
  }

  /** 1-based place of `w` in the order of service at `now`; 0 when it is not waiting. */
  position(w: Waiter, now: number): number {
    if (!w.queued) return 0
    let ahead = 0
    for (const lane of this.lanes) for (const x of lane.live()) if (this.before(x, w, now)) ahead++
    return ahead + 1
  }

  /** Removes and returns every waiter matching `predicate`, in arrival order. */
  removeWhere(predicate: (w: Waiter) => boolean): Waiter[] {
    const out: Waiter[] = []
    for (const lane of this.lanes) for (const w of lane.live()) if (predicate(w)) out.push(w)
    for (const w of out) this.remove(w)
    return out.sort((a, b) => a.seq - b.seq)
  }
}
