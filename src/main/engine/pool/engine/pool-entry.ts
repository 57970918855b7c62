/**
 * One connection as the pool sees it: an explicit state (convention 5), its deadlines, and the
 * current lease. Entries are created once per connection and reused for every lease, so the hot
 * path only rewrites fields.
 */
import type { TimerHandle } from '../../core/clock'
import type { PoolConnection } from './pool-connection'

export type EntryState = 'idle' | 'in-use' | 'validating' | 'removed'

/**
 * Who holds a connection. A string is a label (two callers with the same label count as one
 * holder); an object is an identity with a label, for callers that must be told apart.
 */
export type PoolHolder = string | { readonly label: string }

export function labelOf(holder: PoolHolder | undefined): string | undefined {
  return holder === undefined ? undefined : typeof holder === 'string' ? holder : holder.label
}

/** Where a lease was taken: the caller's frames, captured only when leak detection is on. */
export interface AcquireSite {
  stack?: string
}

export class PoolEntry {
  state: EntryState = 'idle'
  /** Last time the connection proved alive: released cleanly or passed a check (monotonic ms). */
  aliveAt: number
  /**
   * Passed a check since it was last lent: hand it out without another one (otherwise, with
   * validationBypassMs 0, a connection would be validated again and again and never lent).
   */
  checked = false
  /** When it last became idle (idle timeout counts from here). */
  idleSince: number
  /** Set when max lifetime passed while in use: retired on release. */
  expired = false
  // The current lease (valid while in-use).
  holder: PoolHolder | undefined = undefined
  acquiredAt = 0
  site: AcquireSite | undefined = undefined
  leakReported = false
  /** The lease's partition group (0 = general; see partitions.ts). */
  group = 0
  // Background timers owned by this entry.
  keepaliveTimer: TimerHandle | undefined = undefined
  lifetimeTimer: TimerHandle | undefined = undefined

  constructor(
    readonly id: number,
    readonly connection: PoolConnection,
    readonly backendPid: number | undefined,
    readonly createdAt: number,
    /** Monotonic ms at which max lifetime retires it (Infinity: never). */
    readonly expiresAt: number,
  ) {
    this.aliveAt = createdAt
    this.idleSince = createdAt
  }
}
