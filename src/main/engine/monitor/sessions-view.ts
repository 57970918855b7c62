/** The sessions view of one profile session (issue 6): its latest sample, errors and alerts. */
import type { ServerView, SessionActionResult, SessionsView } from '../../../shared/sessions'
import { isLifeguardError, LifeguardError } from '../core/errors'
import { withOwnSessions } from '../sessions/own-sessions-overlay'
import type { ProfileSession } from './profile-session'

const noPids: ReadonlySet<number> = new Set()

export function sessionsViewOf(session: ProfileSession): SessionsView {
  const observer = session.sessions
  const error = observer?.lastError
  const latest = observer?.latest
  return {
    profileId: session.profileId,
    // The health probe's connection is marked here, for this one answer (own-sessions-overlay.ts).
    snapshot: latest ? withOwnSessions(latest, noPids, new Set(session.probePids())) : null,
    error: error
      ? { code: isLifeguardError(error) ? error.code : 'query-failed', message: error.message }
      : null,
    alerts: session.alerts(),
  }
}

/** What a page that has just loaded shows of the profile's server: summary and alerts only. */
export function serverViewOf(session: ProfileSession): ServerView {
  const latest = session.sessions?.latest
  return {
    profileId: session.profileId,
    summary: latest
      ? {
          profileId: session.profileId,
          sampledAt: latest.sampledAt,
          connections: latest.connections,
          counts: latest.counts,
          sampleMs: latest.sampleMs,
        }
      : null,
    alerts: session.alerts(),
  }
}

/** Cancel or terminate a server session after the UI's confirmation (the pid is bound). */
export async function runSessionAction(
  session: ProfileSession,
  action: 'cancel' | 'terminate',
  pid: number,
  allowOwn: boolean,
): Promise<SessionActionResult> {
  const observer = session.sessions
  if (!observer) throw new LifeguardError('invalid-state', 'the profile is not connected')
  const result =
    action === 'cancel'
      ? await observer.cancel(pid, { allowOwn })
      : await observer.terminate(pid, { allowOwn })
  // Sample again (bounded by the sample timeout), so the list the UI reloads shows the effect.
  await observer.sample().catch(() => undefined)
  return result
}
