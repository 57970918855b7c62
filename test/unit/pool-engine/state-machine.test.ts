import { describe, expect, it } from 'vitest'
import {
  assertTransition,
  canTransition,
  type PoolState,
} from '../../../src/main/engine/pool/engine/pool-state'

const states: PoolState[] = ['starting', 'running', 'draining', 'drained', 'closing', 'closed']

describe('pool state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = states.flatMap((from) =>
      states.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    )
    expect(allowed).toEqual([
      'starting->running',
      'starting->closing',
      'running->draining',
      'running->closing',
      'draining->running',
      'draining->drained',
      'draining->closing',
      'drained->running',
      'drained->closing',
      'closing->closed',
    ])
  })

  it('throws invalid-state on anything else', () => {
    expect(() => assertTransition('closed', 'running')).toThrow(
      expect.objectContaining({
        code: 'invalid-state',
        message: 'the pool cannot go from closed to running',
      }),
    )
  })
})
