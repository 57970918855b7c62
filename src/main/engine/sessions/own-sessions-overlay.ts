/**
 * One server sample seen by one profile: the sessions its own pool holds are marked `own`. Only
 * the `own` flags depend on the profile (counts, breakdowns, the sampler's pid and every alert
 * condition do not), so a sample shared by the profiles on one server is built once without pool
 * pids and each profile sees it through this overlay. A profile whose sessions are already marked
 * (Lifeguard's application_name prefix usually does it) sees the very same object: no copy.
 */
import type { SessionSnapshot } from './session-types'

export function withOwnSessions(
  base: SessionSnapshot,
  ownPids: ReadonlySet<number>,
): SessionSnapshot {
  if (ownPids.size === 0) return base
  let changed = false
  for (const s of base.sessions)
    if (!s.own && ownPids.has(s.pid)) {
      changed = true
      break
    }
  if (!changed) return base
  return {
    ...base,
    sessions: base.sessions.map((s) => (!s.own && ownPids.has(s.pid) ? { ...s, own: true } : s)),
  }
}
