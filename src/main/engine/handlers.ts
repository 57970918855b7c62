/** Binds every invoke of the contract to the engine. Requests arrive already validated. */
import type { InvokeHandlers } from '../../shared/contract'
import { LifeguardError } from './core/errors'
import type { Monitor } from './monitor/monitor'

/** A channel of the contract whose engine side has not landed yet (issues 5 and 8, in progress). */
const notYet = (channel: string) => async (): Promise<never> => {
  throw new LifeguardError('invalid-state', `${channel} is not available yet`)
}

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
    'pool:drain': notYet('pool:drain'),
    'pool:resume': notYet('pool:resume'),
    'pool:shutdown': notYet('pool:shutdown'),
    'events:list': notYet('events:list'),
    'metrics:get-history': notYet('metrics:get-history'),
    'metrics:save': notYet('metrics:save'),
    'loadlab:get': notYet('loadlab:get'),
    'loadlab:set': notYet('loadlab:set'),
    'app:get-preferences': notYet('app:get-preferences'),
    'app:set-preferences': notYet('app:set-preferences'),
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
