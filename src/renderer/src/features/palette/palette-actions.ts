/** The palette's actions against the real app: the store, main's API and the router. */
import type { LifeguardApi } from '../../../../shared/contract'
import type { ErrorInfo } from '../../../../shared/result'
import { errorTitle } from '../../lib/error-text'
import { profileRoute } from '../../lib/route'
import { navigate } from '../../lib/use-route'
import type { LifeguardStore } from '../../stores/store'
import { runReconnect, runResume } from '../control/control-commands'
import type { PaletteActions } from './palette-commands'

export function livePaletteActions(api: LifeguardApi, store: LifeguardStore): PaletteActions {
  const state = () => store.getState()
  const nameOf = (id: string) => state().profilesById.get(id)?.name ?? id
  const report = (what: string, error: ErrorInfo | null) => {
    if (error) state().showToast('error', `${what}: ${errorTitle(error)}: ${error.message}`)
  }
  return {
    navigate,
    connect: (id) => {
      void api.connect({ id }).then((result) => {
        if (result.ok) return state().showToast('ok', `Connecting “${nameOf(id)}”`)
        if (result.error.code === 'password-required' || result.error.code === 'auth-failed') {
          navigate(profileRoute(id))
          state().askPassword(id)
          return
        }
        report(`Connect “${nameOf(id)}”`, result.error)
      })
    },
    disconnect: (id) => {
      void api.disconnect({ id }).then((result) => {
        if (result.ok) state().mergeStatuses([result.data])
        else report(`Disconnect “${nameOf(id)}”`, result.error)
      })
    },
    drain: (id) => state().openDrain(id),
    resume: (id) =>
      void runResume(api, id, state()).then((e) => report(`Resume “${nameOf(id)}”`, e)),
    shutdown: (id) => state().askToShutdown(id),
    reconnect: (id) =>
      void runReconnect(api, id, state()).then((e) => report(`Reconnect “${nameOf(id)}”`, e)),
    exportMetrics: (profileId) => state().openExport({ profileId }),
    addProfile: () => state().openCreateForm(),
    importProfiles: () => state().openImport(),
    showShortcuts: () => state().openShortcuts(),
  }
}
