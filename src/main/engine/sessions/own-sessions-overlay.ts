/**
 * One server sample seen by one profile: the sessions its own pool holds are marked `own`, and
 * (when the Sessions tab asks, monitor/sessions-view.ts) its health probe's connection `probe`
 * (and own). Only these flags depend on the profile (counts, breakdowns, the sampler's pid and
 * every alert condition do not), so a sample shared by the profiles on one server is built once
 * without pool pids and each profile sees it through this overlay. A profile whose sessions are
 * already marked (Lifeguard's application_name prefix usually does it) sees the very same object:
 * no copy. The probe mark is left out of every sample on purpose: one copy of an 800-session list
 * per profile per sample cost 25 MB of main's memory with 200 profiles on one server.
 */
import type { ServerSession, SessionSnapshot } from './session-types'

const none: ReadonlySet<number> = new Set()

export function withOwnSessions(
  base: SessionSnapshot,
  ownPids: ReadonlySet<number>,
  probePids: ReadonlySet<number> = none,
): SessionSnapshot {
  if (ownPids.size === 0 && probePids.size === 0) return base
  const marks = (s: ServerSession) => {
    const probe = probePids.has(s.pid)
    return {
      own: !s.own && (probe || ownPids.has(s.pid)),
      probe: probe && s.probe !== true,
    }
  }
  const changes = (s: ServerSession) => {
    const m = marks(s)
    return m.own || m.probe
  }
  if (!base.sessions.some(changes)) return base
  return {
    ...base,
    sessions: base.sessions.map((s) => {
      const m = marks(s)
      if (!m.own && !m.probe) return s
      return { ...s, ...(m.own ? { own: true } : {}), ...(m.probe ? { probe: true } : {}) }
    }),
  }
}
