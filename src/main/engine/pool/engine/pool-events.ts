/** The pool's typed events, one per step of a connection's life (past tense, as in the contract). */
import type { PoolState } from './pool-state'

export type RemovalReason =
  | 'idle-timeout'
  | 'max-lifetime'
  | 'broken'
  | 'validation-failed'
  | 'reset-failed'
  | 'drain'
  | 'shutdown'

export const removalReasons: readonly RemovalReason[] = [
  'idle-timeout',
  'max-lifetime',
  'broken',
  'validation-failed',
  'reset-failed',
  'drain',
  'shutdown',
]

export interface ConnectionRef {
  connectionId: number
  backendPid: number | undefined
}

export interface PoolEvents {
  created: ConnectionRef & { creationMs: number }
  'create-failed': { error: Error; consecutiveFailures: number; retryInMs: number }
  acquired: ConnectionRef & { holder: string | undefined; waitedMs: number }
  released: ConnectionRef & { holder: string | undefined; heldMs: number }
  removed: ConnectionRef & { reason: RemovalReason }
  leak: ConnectionRef & {
    holder: string | undefined
    /** Where the connection was acquired: the caller's stack frames. */
    site: string
    heldMs: number
  }
  'leak-resolved': ConnectionRef & { holder: string | undefined; heldMs: number }
  timeout: { code: 'pool-exhausted' | 'database-unreachable'; message: string; waitedMs: number }
  'state-changed': { from: PoolState; to: PoolState }
  /** A drain's deadline passed while connections were still in use; `choice` is applied next. */
  'drain-deadline': { choice: 'cancel' | 'terminate' | 'resume'; inUse: number }
}
