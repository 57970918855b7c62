/**
 * Lock-wait trees from pg_blocking_pids: a root holds what others wait for and waits for nobody;
 * everyone it holds up, directly or through others, is listed once with their depth (breadth
 * first). Sessions that only wait on each other (a circle the deadlock detector has not broken
 * yet) get a chain of their own, rooted at the lowest pid and marked `cycle`.
 */
import type { BlockedSession, BlockingChain } from './session-types'

export interface WaitEdge {
  pid: number
  blockedBy: readonly number[]
}

export function blockingChains(sessions: readonly WaitEdge[]): BlockingChain[] {
  const waitsFor = new Map<number, readonly number[]>()
  const blocks = new Map<number, number[]>()
  for (const s of sessions) {
    if (s.blockedBy.length === 0) continue
    waitsFor.set(s.pid, s.blockedBy)
    for (const holder of s.blockedBy) {
      const list = blocks.get(holder) ?? []
      list.push(s.pid)
      blocks.set(holder, list)
    }
  }
  const chains: BlockingChain[] = []
  const reached = new Set<number>()
  const walk = (rootPid: number, cycle: boolean): BlockingChain => {
    const blocked: BlockedSession[] = []
    const seen = new Set<number>([rootPid])
    let frontier = [rootPid]
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: number[] = []
      for (const holder of frontier)
        for (const pid of [...(blocks.get(holder) ?? [])].sort((a, b) => a - b)) {
          if (seen.has(pid)) continue
          seen.add(pid)
          reached.add(pid)
          blocked.push({ pid, blockedBy: [...(waitsFor.get(pid) ?? [])], depth })
          next.push(pid)
        }
      frontier = next
    }
    return { rootPid, blocked, cycle }
  }
  const roots = [...blocks.keys()].filter((pid) => !waitsFor.has(pid)).sort((a, b) => a - b)
  for (const root of roots) chains.push(walk(root, false))
  // Whoever is still unreached waits in a circle (or behind one).
  const rest = [...waitsFor.keys()].filter((pid) => !reached.has(pid)).sort((a, b) => a - b)
  for (const pid of rest) {
    if (reached.has(pid)) continue
    const root = lowestInCircle(pid, waitsFor)
    reached.add(root)
    chains.push(walk(root, true))
  }
  return chains.sort((a, b) => b.blocked.length - a.blocked.length || a.rootPid - b.rootPid)
}

/**
 * Every blocker of an unreached session is itself an unreached waiter (a reached or root blocker
 * would have reached it), so following first blockers must come round: the lowest pid on that
 * circle is the chain's root.
 */
function lowestInCircle(start: number, waitsFor: ReadonlyMap<number, readonly number[]>): number {
  const order: number[] = []
  const at = new Map<number, number>()
  let pid: number | undefined = start
  while (pid !== undefined && !at.has(pid)) {
    at.set(pid, order.length)
    order.push(pid)
    pid = waitsFor.get(pid)?.[0]
  }
  if (pid === undefined) return start
  return Math.min(...order.slice(at.get(pid)))
}
