/**
 * The contract's channel names and the API method each one becomes. Kept free of zod so the
 * sandboxed preload can bundle it without the schemas; contract.ts pairs each channel with its
 * schema and types, and fails to compile if the two lists ever disagree.
 */
export const invokeMethods = {
  'app:get-info': 'getAppInfo',
  'monitor:get-snapshot': 'getSnapshot',
  'profiles:list': 'listProfiles',
  'profiles:save': 'saveProfile',
  'profiles:delete': 'deleteProfile',
  'profiles:test': 'testConnection',
  'demo:start': 'startDemo',
  'pool:connect': 'connect',
  'pool:disconnect': 'disconnect',
  'health:get-timeline': 'getHealthTimeline',
  'health:reconnect-now': 'reconnectNow',
  'health:reset-backoff': 'resetBackoff',
  'profiles:import-preview': 'previewImport',
  'profiles:import-confirm': 'confirmImport',
  'profiles:export': 'exportProfiles',
  'sessions:get': 'getSessions',
  'sessions:cancel': 'cancelSession',
  'sessions:terminate': 'terminateSession',
  'metrics:export': 'exportMetrics',
  // issue 8: the cockpit
  'pool:drain': 'drainPool',
  'pool:resume': 'resumePool',
  'pool:shutdown': 'shutdownPool',
  'events:list': 'listEvents',
  'metrics:get-history': 'getMetricsHistory',
  'metrics:save': 'saveMetrics',
  'loadlab:get': 'getWorkload',
  'loadlab:set': 'setWorkload',
  'app:get-preferences': 'getPreferences',
  'app:set-preferences': 'setPreferences',
  // issue 5: the durable write queue and the history sink
  'queue:get': 'getQueue',
  'queue:submit': 'submitWrite',
  'queue:resolve': 'resolveQueued',
  'queue:requeue': 'requeueOperation',
  'queue:export': 'exportQueue',
  'queue:set-exactly-once': 'setExactlyOnce',
  'queue:discard-damage': 'discardQueueDamage',
  'queue:save': 'saveQueue',
  'history:get-status': 'getHistorySink',
  'history:create-tables': 'createHistoryTables',
} as const

export const eventMethods = {
  'profiles:changed': 'onProfilesChanged',
  'connection:state-changed': 'onConnectionStateChanged',
  'pool:stats-changed': 'onPoolStatsChanged',
  'app:warning-raised': 'onWarningRaised',
  'health:attempt-recorded': 'onHealthAttemptRecorded',
  'sessions:sampled': 'onSessionsSampled',
  'alerts:changed': 'onAlertsChanged',
  'events:recorded': 'onEventsRecorded',
  'workload:changed': 'onWorkloadChanged',
  'preferences:changed': 'onPreferencesChanged',
  'queue:changed': 'onQueueChanged',
  'history:changed': 'onHistorySinkChanged',
} as const

export type InvokeChannel = keyof typeof invokeMethods
export type EventChannel = keyof typeof eventMethods

export const invokeChannels = Object.keys(invokeMethods) as InvokeChannel[]
export const eventChannels = Object.keys(eventMethods) as EventChannel[]

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeMethods, value)
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventMethods, value)
}
