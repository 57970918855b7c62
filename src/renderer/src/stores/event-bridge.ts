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

export const eventRoutes: { readonly [M in EventMethod]: Route } = {
  onProfilesChanged: (api, store) => api.onProfilesChanged(store.setProfiles),
  onConnectionStateChanged: (api, store) => api.onConnectionStateChanged(store.setStatus),
  onPoolStatsChanged: (api, store) => api.onPoolStatsChanged(store.addSample),
  onWarningRaised: (api, store) => api.onWarningRaised(store.addWarning),
  onHealthAttemptRecorded: (api, store) => api.onHealthAttemptRecorded(store.addAttempt),
  onSessionsSampled: (api, store) => api.onSessionsSampled(store.setServerSummary),
  onAlertsChanged: (api, store) => api.onAlertsChanged(store.setAlerts),
  // Issues 5 and 8 (in progress): routed once their store slices land.
  onEventsRecorded: (api) => api.onEventsRecorded(() => undefined),
  onWorkloadChanged: (api) => api.onWorkloadChanged(() => undefined),
  onPreferencesChanged: (api) => api.onPreferencesChanged(() => undefined),
  onQueueChanged: (api) => api.onQueueChanged(() => undefined),
  onHistorySinkChanged: (api) => api.onHistorySinkChanged(() => undefined),
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
  if (snapshot.ok) {
    store.applySnapshot(snapshot.data)
    await loadServerViews(api, store, snapshot.data.statuses)
  } else reportLoadFailure(store, 'profiles and their status', snapshot.error)
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
