/**
 * Partitions: named capacity reserved inside one pool, so that a workload exhausting the pool never
 * blinds Lifeguard's own health probes and session sampling.
 *
 * With `partitions: { monitor: 1 }` and `max: 10`:
 * - general (unpartitioned) acquirers hold at most `max - sum(reserved)` = 9 connections at once;
 * - `acquire({ partition: 'monitor' })` may always hold up to its 1 reserved connection, and more
 *   when general capacity is free (those extra connections count against the general limit);
 * - when a connection frees up, waiters of a partition that holds fewer than its reservation are
 *   served first (by priority and age among them); otherwise every waiter that may take a
 *   connection competes in the usual order (priority with ageing, then arrival).
 *
 * Accounting: `inUse[g]` counts the leases of group g (0 = general, 1..n = partitions in the order
 * they were configured). A lease of a partition beyond its reservation, and every general lease,
 * takes one unit of general capacity (`generalUsed`). So total in use never exceeds
 * `generalLimit + sum(reserved)` = max. Everything here is O(number of partitions) at most, and
 * none of it runs when no partitions are configured (the pool holds `undefined` then).
 *
 * Physical connections are not pinned to partitions: a reserved slot is a right to one of the
 * pool's `max` connections, opened on demand like any other (keep `min` >= the reservations to have
 * them open already).
 */
import { LifeguardError } from '../../core/errors'
import type { WaitQueue, Waiter } from './wait-queue'

/** Per-partition gauges in `stats()` (present only when the pool has partitions). */
export interface PartitionGauges {
  reserved: number
  /** Connections held by this partition's acquirers (including those on general capacity). */
  inUse: number
  waiting: number
}

/** A partition name: an identifier (letters, digits, `_`, not starting with a digit). */
export const partitionNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/

export class Partitions {
  /** Group index by name (1..n). */
  private readonly groups = new Map<string, number>()
  /** Index 0 is the general group (reserved 0). */
  private readonly names: string[] = ['']
  private readonly reserved: number[] = [0]
  private readonly inUse: number[] = [0]
  private generalUsed = 0
  readonly generalLimit: number

  private constructor(max: number, spec: Readonly<Record<string, number>>) {
    for (const [name, n] of Object.entries(spec)) {
      this.groups.set(name, this.names.length)
      this.names.push(name)
      this.reserved.push(n)
      this.inUse.push(0)
    }
    this.generalLimit = max - this.reserved.reduce((a, b) => a + b, 0)
  }

  /** undefined when nothing is reserved, so the pool's hot path skips partitions entirely. */
  static from(max: number, spec: Readonly<Record<string, number>>): Partitions | undefined {
    return Object.keys(spec).length === 0 ? undefined : new Partitions(max, spec)
  }

  /** Groups the wait queue needs: general + one per partition. */
  get groupCount(): number {
    return this.names.length
  }

  /** The group of `name`, or -1 when the pool has no such partition. */
  groupOf(name: string): number {
    return this.groups.get(name) ?? -1
  }

  /** May an acquirer of group `g` take a connection now (capacity only; idle is checked elsewhere)? */
  eligible(g: number): boolean {
    return this.inUse[g]! < this.reserved[g]! || this.generalUsed < this.generalLimit
  }

  /** A connection was lent to group `g`. */
  lent(g: number): void {
    if (this.inUse[g]! >= this.reserved[g]!) this.generalUsed++
    this.inUse[g]!++
  }

  /** A connection lent to group `g` came back (or was removed while in use). */
  returned(g: number): void {
    this.inUse[g]!--
    if (this.inUse[g]! >= this.reserved[g]!) this.generalUsed--
  }

  /**
   * The waiter to serve with the next free connection: first the best waiter of a partition under
   * its reservation, else the best waiter overall if general capacity is free, else none.
   */
  pick(queue: WaitQueue, now: number): Waiter | undefined {
    let best: Waiter | undefined
    for (let g = 1; g < this.names.length; g++) {
      if (this.inUse[g]! >= this.reserved[g]!) continue
      const w = queue.peekGroup(g, now)
      if (w && (best === undefined || queue.before(w, best, now))) best = w
    }
    if (best !== undefined) return best
    return this.generalUsed < this.generalLimit ? queue.peek(now) : undefined
  }

  gauges(queue: WaitQueue): Record<string, PartitionGauges> {
    const out: Record<string, PartitionGauges> = {}
    for (let g = 1; g < this.names.length; g++)
      out[this.names[g]!] = {
        reserved: this.reserved[g]!,
        inUse: this.inUse[g]!,
        waiting: queue.groupSizes[g]!,
      }
    return out
  }

  unknown(name: string): LifeguardError {
    const known = this.names.slice(1).join(', ')
    return unknownPartition(name, `this pool's partitions are: ${known}`)
  }
}

export function unknownPartition(name: string, known: string): LifeguardError {
  return new LifeguardError(
    'validation',
    `unknown pool partition "${name}": ${known} (partitions are declared in the pool's partitions option)`,
  )
}

/** Resolves `acquire({ partition })` to a group: 0 general, -1 unknown. */
export function groupOf(partitions: Partitions | undefined, name: string): number {
  return partitions === undefined ? -1 : partitions.groupOf(name)
}

export function partitionError(partitions: Partitions | undefined, name: string): LifeguardError {
  return partitions === undefined
    ? unknownPartition(name, 'this pool has no partitions')
    : partitions.unknown(name)
}
