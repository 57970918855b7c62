/** Binds every invoke of the contract to the engine. Requests arrive already validated. */
import type { InvokeHandlers } from '../../shared/contract'
import { LifeguardError } from './core/errors'
import { NO_SAVER_MESSAGE, saveExport, type FileSaver } from './metrics/save-export'
import type { Monitor } from './monitor/monitor'

const NO_QUEUE_SAVER_MESSAGE =
  'saving through a dialog is only available in the desktop app: use the download (queue:export) in browser mode'

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
    'queue:get': ({ id, limit }) => monitor.queues.view(id, limit),
    'queue:submit': ({ id, sql, params, queueIfUnavailable }) =>
      monitor.queues.submit(id, sql, params, queueIfUnavailable),
    'queue:resolve': (request) =>
      request.action === 'edit'
        ? monitor.queues.resolve(
            request.id,
            request.operationId,
            'edit',
            request.sql,
            request.params,
          )
        : monitor.queues.resolve(request.id, request.operationId, request.action),
    'queue:requeue': ({ id, operationId }) => monitor.queues.requeue(id, operationId),
    'queue:export': ({ id, which }) => monitor.queues.export(id, which),
    'queue:set-exactly-once': ({ id, enabled }) => monitor.queues.setExactlyOnce(id, enabled),
    'queue:discard-damage': ({ id }) => monitor.queues.discardDamage(id),
    'queue:save': async ({ id, which }) => {
      if (!deps.saveFile) throw new LifeguardError('invalid-state', NO_QUEUE_SAVER_MESSAGE)
      return saveExport(deps.saveFile, await monitor.queues.export(id, which))
    },
    'history:get-status': async () => monitor.history.status(),
    'history:create-tables': () => monitor.history.createTables(),
  }
}
