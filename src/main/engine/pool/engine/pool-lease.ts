/** What `acquire` hands out: the connection plus a one-shot `release`. */
import type { PoolConnection } from './pool-connection'
import type { PoolEntry } from './pool-entry'

export interface ReleaseOptions {
  /** The error that broke the connection: it is removed instead of reused. */
  error?: Error
  /**
   * The holder may have left a transaction open. Used when the driver cannot report the
   * transaction status: the pool then runs `ROLLBACK` before reuse (see pool.ts, "reset").
   */
  dirty?: boolean
}

export interface LeaseOwner {
  releaseLease(lease: PoolLease, outcome: Error | ReleaseOptions | undefined): void
}

export class PoolLease {
  /** Set by the pool on the first release; a second release is an 'invalid-state' error. */
  released = false

  constructor(
    private readonly owner: LeaseOwner,
    /** @internal the pool's record of the connection. */
    readonly entry: PoolEntry,
  ) {}

  get connection(): PoolConnection {
    return this.entry.connection
  }

  /** The pool's id of the connection. */
  get id(): number {
    return this.entry.id
  }

  get backendPid(): number | undefined {
    return this.entry.backendPid
  }

  /** Returns the connection. Pass the error that broke it (or `{ error }`) to have it removed. */
  release(outcome?: Error | ReleaseOptions): void {
    this.owner.releaseLease(this, outcome)
  }
}
