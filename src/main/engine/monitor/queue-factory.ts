/**
 * One profile's WriteQueue wired to its ProfileSession (issue 5): replay acquires through the
 * session's circuit breaker and pool, waits while health says the database cannot take writes
 * (usability.ts: connected, breaker closed, pool running), records its events in the profile's
 * event ring, raises and resolves the profile's 'queue-filling' alert, and persists the
 * exactly-once consent. The caller pushes `queue:changed` from onStatus and calls healthChanged()
 * on every status of the profile (an acquire still waiting when the database goes away gives up
 * then: usable-acquire.ts).
 */
import type { QueueStatus } from '../../../shared/queue'
import type { Clock } from '../core/clock'
import type { EngineSettings } from '../defaults'
import { replayBackoff, resolveQueueSettings, usabilityOf, WriteQueue } from '../queue'
import type { QueueSettings } from '../queue'
import type { DurableQueueLog } from '../queue/queue-log-types'
import type { QueueEvent } from '../queue/replay/replay-types'
import type { StoredProfile } from '../profiles/profile-file'
import type { ProfileSession } from './profile-session'
import { healthOf } from './profile-settings'
import type { ProfileConsents } from './queue-consents'
import { UsableAcquire } from './usable-acquire'

export interface QueueWiring {
  profile: StoredProfile
  log: DurableQueueLog
  session: ProfileSession
  clock: Clock
  random?: () => number
  engine: EngineSettings
  consents: ProfileConsents
  onStatus(status: QueueStatus): void
  onExactlyOnce(enabled: boolean): void
}

/** The queue settings of a profile: the defaults, its consent, the engine's operation timeout. */
export function queueSettingsOf(engine: EngineSettings, consents: ProfileConsents): QueueSettings {
  return resolveQueueSettings({
    exactlyOnce: consents.exactlyOnce,
    operationTimeoutMs: engine.operationTimeoutMs,
  })
}

/**
 * Which queue events go to the profile's Events tab: all of them, except the 'queued' entry of
 * each history snapshot (one per connected profile every interval would bury everything else;
 * the sink's status counts them, and applying them is recorded like any replay).
 */
export function recordsQueueEvent(event: QueueEvent): boolean {
  return !(event.kind === 'queue-enqueued' && event.data['kind'] === 'history-snapshot')
}

/** The queue, and what to call with every status of the profile. */
export interface ProfileQueue {
  queue: WriteQueue
  healthChanged(): void
}

export function createProfileQueue(w: QueueWiring): ProfileQueue {
  const { profile, session } = w
  const usable = () => usabilityOf(session.status())
  const gate = new UsableAcquire(() => session.acquire({ holder: 'write-queue' }), usable)
  const queue = new WriteQueue({
    profileId: profile.id,
    log: w.log,
    clock: w.clock,
    ...(w.random ? { random: w.random } : {}),
    backoff: replayBackoff(healthOf(profile, w.engine.health)),
    settings: queueSettingsOf(w.engine, w.consents),
    target: {
      host: profile.host,
      port: profile.port,
      database: profile.database,
      user: profile.user,
    },
    profileLabel: profile.name,
    acquire: () => gate.lease(),
    usable,
    onStatus: w.onStatus,
    onEvent: (e) => {
      if (recordsQueueEvent(e)) session.recordEvent(e.kind, e.severity, e.message, e.data)
    },
    onFilling: (detail) => session.setProfileAlert('queue-filling', detail),
    onSettingsChanged: (s) => w.onExactlyOnce(s.exactlyOnce),
  })
  return {
    queue,
    healthChanged: () => {
      // Waiting acquires give up first, then replay looks again.
      gate.healthChanged()
      queue.healthChanged()
    },
  }
}
