import { describe, expect, it } from 'vitest'
import { blockingChains } from '../../../src/main/engine/sessions/blocking-chains'

describe('blocking chains from pg_blocking_pids (blocking-chains.ts)', () => {
  it('builds one tree per root with each waiter at its depth', () => {
    const chains = blockingChains([
      { pid: 10, blockedBy: [] },
      { pid: 11, blockedBy: [10] },
      { pid: 12, blockedBy: [11] },
      { pid: 13, blockedBy: [10] },
      { pid: 20, blockedBy: [] },
      { pid: 21, blockedBy: [20] },
    ])
    expect(chains).toEqual([
      {
        rootPid: 10,
        cycle: false,
        blocked: [
          { pid: 11, blockedBy: [10], depth: 1 },
          { pid: 13, blockedBy: [10], depth: 1 },
          { pid: 12, blockedBy: [11], depth: 2 },
        ],
      },
      { rootPid: 20, cycle: false, blocked: [{ pid: 21, blockedBy: [20], depth: 1 }] },
    ])
  })

  it('lists a session waiting on two holders under each of their chains', () => {
    const chains = blockingChains([{ pid: 5, blockedBy: [3, 4] }])
    expect(chains.map((c) => [c.rootPid, c.blocked.map((b) => b.pid)])).toEqual([
      [3, [5]],
      [4, [5]],
    ])
  })

  it('roots a circle of waiters at its lowest pid and marks it, with those behind it', () => {
    const chains = blockingChains([
      { pid: 7, blockedBy: [8] },
      { pid: 8, blockedBy: [7] },
      { pid: 1, blockedBy: [7] },
    ])
    expect(chains).toEqual([
      {
        rootPid: 7,
        cycle: true,
        blocked: [
          { pid: 1, blockedBy: [7], depth: 1 },
          { pid: 8, blockedBy: [7], depth: 1 },
        ],
      },
    ])
  })

  it('names a prepared transaction as pid 0 and returns nothing when nobody waits', () => {
    expect(blockingChains([{ pid: 9, blockedBy: [0] }])).toEqual([
      { rootPid: 0, cycle: false, blocked: [{ pid: 9, blockedBy: [0], depth: 1 }] },
    ])
    expect(blockingChains([{ pid: 9, blockedBy: [] }])).toEqual([])
  })
})
