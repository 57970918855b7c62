/** Binds every invoke of the contract to the engine. Requests arrive already validated. */
import type { InvokeHandlers } from '../../shared/contract'
import { LifeguardError } from './core/errors'
import { NO_SAVER_MESSAGE, saveExport, type FileSaver } from './metrics/save-export'
import type { Monitor } from './monitor/monitor'

/** A channel of the contract whose engine side has not landed yet (issue 5, in progress). */
const notYet = (channel: string) => async (): Promise<never> => {
  throw new LifeguardError('invalid-state', `${channel} is not available yet`)
}

export interface HandlerDeps {
  /** Desktop: the save dialog (window/save-dialog.ts). Absent in browser mode. */
  saveFile?: FileSaver
}

export function createHandlers(monitor: Monitor, deps: HandlerDeps = {}): InvokeHandlers {
  return {
    'app:get-info': async () => monitor.info(),
    'monitor:get-snapshot': async () => monitor.snapshot(),
    'profiles:list': async () => monitor.listProfiles(),
    'profiles:save': async ({ id, profile }) => monitor.saveProfile(id, profile),
    'profiles:delete': ({ id }) => monitor.deleteProfile(id),
    'profiles:test': (request) => monitor.testConnection(request),
    'demo:start': () => monitor.startDemo(),
    'pool:connect': ({ id, password, rememberPassword }) =>
      monitor.connect(id, password, rememberPassword),
    'pool:disconnect': ({ id }) => monitor.disconnect(id),
    'health:get-timeline': async ({ id }) => monitor.healthTimeline(id),
    'health:reconnect-now': async ({ id }) => monitor.reconnectNow(id),
    'health:reset-backoff': async ({ id }) => monitor.resetBackoff(id),
    'profiles:import-preview': (source) => monitor.previewImport(source),
    'profiles:import-confirm': async ({ previewId, rows }) =>
      monitor.confirmImport(previewId, rows),
    'profiles:export': async ({ ids }) => monitor.exportProfiles(ids),
    'sessions:get': async ({ id }) => monitor.sessionsView(id),
    'sessions:cancel': ({ id, pid, allowOwn }) =>
      monitor.sessionAction(id, 'cancel', pid, allowOwn),
    'metrics:export': async ({ ids, format, range }) =>
      monitor.exportMetrics(ids, format, range ?? '1h'),
    'sessions:terminate': ({ id, pid, allowOwn }) =>
      monitor.sessionAction(id, 'terminate', pid, allowOwn),
    'pool:drain': async ({ id, deadlineMs, onDeadline }) =>
      monitor.drain(id, { deadlineMs, onDeadline }),
    'pool:resume': async ({ id }) => monitor.resume(id),
    'pool:shutdown': ({ id }) => monitor.shutdown(id),
    'events:list': async ({ id, kinds, limit }) =>
      monitor.listEvents(id, { ...(kinds ? { kinds } : {}), ...(limit ? { limit } : {}) }),
    'metrics:get-history': async ({ id, range }) => monitor.metricsHistory(id, range),
    'metrics:save': async ({ ids, format, range }) => {
      // Browser mode has no saver: refused before an export is built (the renderer downloads).
      if (!deps.saveFile) throw new LifeguardError('invalid-state', NO_SAVER_MESSAGE)
      return saveExport(deps.saveFile, monitor.exportMetrics(ids, format, range ?? '1h'))
    },
    'loadlab:get': async ({ id }) => monitor.getWorkload(id),
    'loadlab:set': async ({ id, settings }) => monitor.setWorkload(id, settings),
    'app:get-preferences': async () => monitor.preferences(),
    'app:set-preferences': async (change) => monitor.setPreferences(change),
    'queue:get': notYet('queue:get'),
    'queue:submit': notYet('queue:submit'),
    'queue:resolve': notYet('queue:resolve'),
    'queue:requeue': notYet('queue:requeue'),
    'queue:export': notYet('queue:export'),
    'queue:set-exactly-once': notYet('queue:set-exactly-once'),
    'history:get-status': notYet('history:get-status'),
    'history:create-tables': notYet('history:create-tables'),
  }
}
