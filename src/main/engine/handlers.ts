/** Binds every invoke of the contract to the engine. Requests arrive already validated. */
import type { InvokeHandlers } from '../../shared/contract'
import type { Monitor } from './monitor/monitor'

export function createHandlers(monitor: Monitor): InvokeHandlers {
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
  }
}
