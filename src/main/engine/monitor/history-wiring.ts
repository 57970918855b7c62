/**
 * The monitor's write queues and history sink, wired to its parts (wireQueues). The history sink: its settings come from the preferences, its
 * snapshots from every connected profile's session (status, latest server sample) and queue
 * depth, and they go into the sink profile's write queue. Creating the tables runs through the
 * sink profile's pool and breaker, then turns the exactly-once table on for its queue, and both
 * consents are kept (queue-consents.ts).
 */
import type { EventPayloads } from '../../../shared/contract'
import type { Clock } from '../core/clock'
import type { TypedEmitter } from '../core/emitter'
import { LifeguardError } from '../core/errors'
import type { EngineSettings } from '../defaults'
import { createHistoryTables } from '../history/create-history-tables'
import { HistorySink } from '../history/history-sink'
import type { SnapshotSource } from '../history/snapshot-operation'
import type { PreferencesStore } from '../preferences/preferences-store'
import type { ProfileStore } from '../profiles/profile-store'
import { usabilityOf } from '../queue'
import type { AppWarning } from '../../../shared/domain'
import { ProfileQueues } from './profile-queues'
import type { ProfileSession } from './profile-session'
import type { QueueConsents } from './queue-consents'

export interface QueueWiringParts {
  dataDir: string
  clock: Clock
  settings: EngineSettings
  store: ProfileStore
  preferences: PreferencesStore
  consents: QueueConsents
  events: TypedEmitter<EventPayloads>
  sessionDeps?: { random?: () => number } | undefined
  session(id: string): ProfileSession
  warn(warning: AppWarning): void
}

/** One ProfileQueues for the data directory, following each profile's health, and the sink. */
export function wireQueues(m: QueueWiringParts): { queues: ProfileQueues; history: HistorySink } {
  const random = m.sessionDeps?.random
  const queues = new ProfileQueues({
    dataDir: m.dataDir,
    clock: m.clock,
    ...(random ? { random } : {}),
    engine: m.settings,
    consents: m.consents,
    profile: (id) => m.store.get(id),
    hasProfile: (id) => m.store.has(id),
    session: m.session,
    onStatus: (status) => m.events.emit('queue:changed', status),
    warn: m.warn,
  })
  // Replay follows the profile's health: every status push makes it look again.
  m.events.on('connection:state-changed', (status) => queues.healthChanged(status.profileId))
  const history = createHistorySink({
    clock: m.clock,
    engine: m.settings,
    store: m.store,
    preferences: m.preferences,
    consents: m.consents,
    queues,
    session: m.session,
    events: m.events,
  })
  return { queues, history }
}

export interface HistoryWiring {
  clock: Clock
  engine: EngineSettings
  store: ProfileStore
  preferences: PreferencesStore
  consents: QueueConsents
  queues: ProfileQueues
  session(id: string): ProfileSession
  events: TypedEmitter<EventPayloads>
}

export function createHistorySink(w: HistoryWiring): HistorySink {
  const sources = (): SnapshotSource[] => {
    const out: SnapshotSource[] = []
    for (const profile of w.store.list()) {
      const session = w.session(profile.id)
      const status = session.status()
      if (status.state !== 'connected') continue
      const usage = session.sessions?.latest?.connections
      out.push({
        profileId: profile.id,
        profileName: profile.name,
        status,
        server: usage
          ? { used: usage.used, available: usage.available, maxConnections: usage.maxConnections }
          : null,
        queueDepth: w.queues.status(profile.id).depth,
      })
    }
    return out
  }
  const createTables = async (id: string): Promise<void> => {
    const profile = w.store.get(id)
    const session = w.session(id)
    const usable = usabilityOf(session.status())
    if (!usable.usable)
      throw new LifeguardError(
        'service-unavailable',
        `the history tables are created on "${profile.name}", which cannot take them now (${usable.reason.message}): connect it first`,
      )
    await createHistoryTables({
      acquire: () => session.acquire({ holder: 'history-sink' }),
      clock: w.clock,
      target: {
        host: profile.host,
        port: profile.port,
        database: profile.database,
        user: profile.user,
      },
      timeoutMs: w.engine.operationTimeoutMs,
    })
    await w.queues.setExactlyOnce(id, true)
    w.consents.set(id, { historyTables: true })
  }
  const sink = new HistorySink({
    clock: w.clock,
    settings: () => w.preferences.get().historySink,
    tablesReady: (id) => w.consents.get(id).historyTables,
    sources,
    enqueue: (id, operations) => w.queues.enqueueAll(id, operations),
    createTables,
    onStatus: (status) => w.events.emit('history:changed', status),
  })
  sink.configure()
  return sink
}
