/**
 * The pool's lifecycle as an explicit state machine (architecture convention 5).
 *
 *   starting -> running | closing
 *   running  -> draining | closing
 *   draining -> drained | running (resume) | closing
 *   drained  -> running (resume) | closing
 *   closing  -> closed
 */
import { LifeguardError } from '../../core/errors'

export type PoolState = 'starting' | 'running' | 'draining' | 'drained' | 'closing' | 'closed'

const allowed: Readonly<Record<PoolState, readonly PoolState[]>> = {
  starting: ['running', 'closing'],
  running: ['draining', 'closing'],
  draining: ['drained', 'running', 'closing'],
  drained: ['running', 'closing'],
  closing: ['closed'],
  closed: [],
}

export function canTransition(from: PoolState, to: PoolState): boolean {
  return allowed[from].includes(to)
}

export function assertTransition(from: PoolState, to: PoolState): void {
  if (!canTransition(from, to))
    throw new LifeguardError('invalid-state', `the pool cannot go from ${from} to ${to}`)
}
