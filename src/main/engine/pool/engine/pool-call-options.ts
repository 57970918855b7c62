/** The options of the pool's calls: acquire, drain. */
import type { PoolHolder } from './pool-entry'
import type { Priority, Waiter } from './wait-queue'

export interface AcquireOptions {
  /** Who is asking: named in leak reports; needed for self-deadlock detection. */
  holder?: PoolHolder
  /** Default 'normal'. Waiters age one level per priorityAgingMs, so none starves. */
  priority?: Priority
  /** Overrides acquireTimeoutMs for this call. */
  timeoutMs?: number
  /** While the pool drains, wait for resume instead of failing with 'pool-draining'. */
  waitIfDraining?: boolean
  /**
   * Take the connection from this partition's reserved capacity (see the pool's `partitions`
   * option). An unknown name is a 'validation' error.
   */
  partition?: string
  /**
   * Where the acquire site reported with a leak starts: the frames above this function's topmost
   * call are left out, as the pool leaves out its own `acquire`. A wrapper that acquires for its
   * callers passes its own method, so the site names the caller's code, not the wrapper.
   */
  siteAbove?: (...args: never[]) => unknown
  /** Called once if the caller has to wait, with its 1-based place and a ticket for queuePosition. */
  onQueued?: (position: number, ticket: WaitTicket) => void
}

/** A waiting caller, as seen from outside: pass it to `queuePosition`. */
export type WaitTicket = Pick<Waiter, 'seq'>

export type DrainDeadlineChoice = 'cancel' | 'terminate' | 'resume'

export interface DrainOptions {
  /** How long connections in use may take to come back (default: no deadline). */
  deadlineMs?: number
  /**
   * At the deadline: 'cancel' cancels the running query of each connection still in use
   * (cancelBackend) and keeps waiting; 'terminate' ends their backends (terminateBackend) and
   * destroys them, so the drain completes; 'resume' returns the pool to running. Default 'cancel'.
   */
  onDeadline?: DrainDeadlineChoice
}

export type DrainOutcome = 'drained' | 'resumed' | 'closed'
