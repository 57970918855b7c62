/**
 * The one hop from main's events to store actions, as a table: one row per event method of the
 * API. The mapped type makes the table exhaustive, so a new event in the contract is a compile
 * error here until it is routed. Start-up order: subscribe first, then fetch the snapshot, so
 * nothing that happens in between is missed (then each watched profile's alerts, which main
 * pushes only when they change). After a lost connection, fetch it all again.
 */
import type { eventMethods } from '../../../shared/channels'
import type { EventChannel, LifeguardApi, Unsubscribe } from '../../../shared/contract'
import type { ProfileStatus } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/result'
import type { Transport } from '../api/transport'
import type { LifeguardState, LifeguardStore } from './store'

type EventMethod = (typeof eventMethods)[EventChannel]
type Route = (api: LifeguardApi, store: LifeguardState) => Unsubscribe

/**
 * Collects items delivered in one task (the WebSocket client hands a batched frame over as
 * consecutive listener calls) and hands them on together in a microtask: one store update, so
 * one round of selector checks, per burst instead of one per sample, status or summary. Order
 * within a channel is kept; a state change and a sample of the same burst may swap, which the
 * store allows (a sample for a profile that is not connected is ignored; the next one counts).
 */
export function microBatch<T>(flush: (items: T[]) => void): (item: T) => void {
  let items: T[] = []
  return (item) => {
    items.push(item)
    if (items.length > 1) return
    queueMicrotask(() => {
      const batch = items
      items = []
      flush(batch)
    })
  }
}

export const eventRoutes: { readonly [M in EventMethod]: Route } = {
  onProfilesChanged: (api, store) => api.onProfilesChanged(store.setProfiles),
  onConnectionStateChanged: (api, store) =>
    api.onConnectionStateChanged(microBatch(store.setStatuses)),
  onPoolStatsChanged: (api, store) => api.onPoolStatsChanged(microBatch(store.addSamples)),
  onWarningRaised: (api, store) => api.onWarningRaised(store.addWarning),
  onHealthAttemptRecorded: (api, store) => api.onHealthAttemptRecorded(store.addAttempt),
  onSessionsSampled: (api, store) => api.onSessionsSampled(microBatch(store.setServerSummaries)),
  onAlertsChanged: (api, store) => api.onAlertsChanged(store.setAlerts),
  onEventsRecorded: (api, store) =>
    api.onEventsRecorded((batch) => store.addEngineEvents(batch.events)),
  onWorkloadChanged: (api, store) => api.onWorkloadChanged(store.setWorkload),
  onPreferencesChanged: (api, store) => api.onPreferencesChanged(store.setPreferences),
  onQueueChanged: (api, store) => api.onQueueChanged(microBatch(store.setQueueStatuses)),
  onHistorySinkChanged: (api, store) => api.onHistorySinkChanged(store.setHistorySink),
}

function reportLoadFailure(store: LifeguardState, what: string, error: ErrorInfo): void {
  // A lost server is already shown by the connection banner.
  if (error.code === 'connection-failed') return
  store.addWarning({ id: `load-${what}`, message: `Could not load the ${what}: ${error.message}` })
}

export async function loadSnapshot(api: LifeguardApi, store: LifeguardState): Promise<void> {
  const [info, snapshot] = await Promise.all([api.getAppInfo({}), api.getSnapshot({})])
  if (info.ok) store.setAppInfo(info.data)
  else reportLoadFailure(store, 'application info', info.error)
  void loadPreferences(api, store)
  void loadHistorySink(api, store)
  if (snapshot.ok) {
    store.applySnapshot(snapshot.data)
    if (snapshot.data.queues) store.setQueueStatuses(snapshot.data.queues)
    // A main that sends the server views with the snapshot saves one sessions:get per profile.
    if (!snapshot.data.servers) await loadServerViews(api, store, snapshot.data.statuses)
  } else reportLoadFailure(store, 'profiles and their status', snapshot.error)
}

/** The app's preferences; a failure is kept (the mute switches say why they are unavailable). */
export async function loadPreferences(
  api: LifeguardApi,
  store: Pick<LifeguardState, 'setPreferences' | 'setPreferencesError'>,
): Promise<void> {
  try {
    const result = await api.getPreferences({})
    if (result.ok) store.setPreferences(result.data)
    else store.setPreferencesError(result.error)
  } catch (error) {
    store.setPreferencesError({ code: 'internal', message: String(error) })
  }
}

/** The history sink's status (pushed only when it changes); quiet on failure (events follow). */
export async function loadHistorySink(
  api: LifeguardApi,
  store: Pick<LifeguardState, 'setHistorySink'>,
): Promise<void> {
  try {
    const result = await api.getHistorySink({})
    if (result.ok) store.setHistorySink(result.data)
  } catch {
    // history:changed brings it.
  }
}

/**
 * Alerts are pushed only when they change, so a page that has just loaded asks main once for each
 * profile it runs a session for (the alert list and the latest server figures). A failure here is
 * quiet: the next alerts:changed and sessions:sampled events bring the same.
 */
export async function loadServerViews(
  api: LifeguardApi,
  store: Pick<LifeguardState, 'applySessionsView'>,
  statuses: readonly ProfileStatus[],
): Promise<void> {
  const watched = statuses.filter((s) => s.health !== null)
  await Promise.all(
    watched.map(async ({ profileId }) => {
      try {
        const result = await api.getSessions({ id: profileId })
        if (result.ok) store.applySessionsView(result.data)
      } catch {
        // Nothing to show yet; events follow.
      }
    }),
  )
}

export function startEventBridge(transport: Transport, useStore: LifeguardStore): Unsubscribe {
  const store = useStore.getState()
  const { api } = transport
  const offs = Object.values(eventRoutes).map((route) => route(api, store))

  let protocolErrors = 0
  offs.push(
    transport.onProtocolError((error) =>
      store.addWarning({
        id: `protocol-${++protocolErrors}`,
        message: `The Lifeguard server could not read a message: ${error.message}`,
      }),
    ),
  )

  let lost = false
  store.setTransport(transport.status())
  offs.push(
    transport.onStatus((status) => {
      store.setTransport(status)
      if (status === 'reconnecting') lost = true
      if (status === 'connected' && lost) {
        lost = false
        void loadSnapshot(api, useStore.getState())
      }
    }),
  )

  void loadSnapshot(api, store)
  return () => offs.forEach((off) => off())
}
