/**
 * A sample's sessions by pid, built once per snapshot object. Every profile's alert list looks
 * its leaked connections up in the latest sample; with one sample shared by the profiles of a
 * server (shared-sampling.ts), 200 profiles each building a map of the same 600 sessions every
 * 2 s made megabytes of garbage a second that lived long enough to reach the old generation.
 */
import type { ServerSession, SessionSnapshot } from './session-types'

const maps = new WeakMap<SessionSnapshot, ReadonlyMap<number, ServerSession>>()

export function sessionsByPid(snapshot: SessionSnapshot): ReadonlyMap<number, ServerSession> {
  let map = maps.get(snapshot)
  if (!map) {
    map = new Map(snapshot.sessions.map((s) => [s.pid, s]))
    maps.set(snapshot, map)
  }
  return map
}
