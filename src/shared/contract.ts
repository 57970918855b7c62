/**
 * The one contract between renderer and main. Every invoke (renderer asks, main answers) and every
 * event (main broadcasts) is declared here, and everything else is derived from it: handler types,
 * the preload API, the browser-mode client and the renderer's LifeguardApi.
 */
import type { z } from 'zod'
import type {
  AppInfo,
  AppWarning,
  AttemptRecord,
  ConnectionTestResult,
  HealthTimeline,
  ImportPreviewView,
  MetricsExport,
  ProfilesExport,
  MonitorSnapshot,
  PoolStatsSample,
  ProfileStatus,
  ProfileSummary,
} from './domain'
import type { Result } from './result'
import type { AlertsChanged, ServerSummary, SessionActionResult, SessionsView } from './sessions'
import type {
  AppPreferences,
  EngineEventBatch,
  EngineEventPage,
  MetricsSeries,
  SavedFile,
  ShutdownResult,
  WorkloadStatus,
} from './cockpit'
import type { HistorySinkStatus, QueueStatus, QueueView, SubmitOutcome } from './queue'
import {
  drainRequestSchema,
  eventsListRequestSchema,
  metricsHistoryRequestSchema,
  saveMetricsRequestSchema,
  setPreferencesRequestSchema,
  setWorkloadRequestSchema,
} from './cockpit-schemas'
import {
  historySinkTablesRequestSchema,
  queueDiscardDamageRequestSchema,
  queueExactlyOnceRequestSchema,
  queueExportRequestSchema,
  queueGetRequestSchema,
  queueRequeueRequestSchema,
  queueResolveRequestSchema,
  queueSubmitRequestSchema,
} from './queue-schemas'
import type { eventMethods, invokeMethods, EventChannel, InvokeChannel } from './channels'
import {
  connectRequestSchema,
  emptyRequestSchema,
  exportMetricsRequestSchema,
  exportProfilesRequestSchema,
  importConfirmRequestSchema,
  importPreviewRequestSchema,
  profileRefSchema,
  sessionActionRequestSchema,
  saveProfileRequestSchema,
  testConnectionRequestSchema,
} from './schemas'

/** A type carried by the contract with no runtime value. */
declare const phantom: unique symbol
export interface Phantom<T> {
  readonly [phantom]?: T
}
const returns = <T>(): Phantom<T> => ({})
const carries = <T>(): Phantom<T> => ({})

export const invokeContract = {
  'app:get-info': {
    request: emptyRequestSchema,
    response: returns<AppInfo>(),
  },
  'monitor:get-snapshot': {
    request: emptyRequestSchema,
    response: returns<MonitorSnapshot>(),
  },
  'profiles:list': {
    request: emptyRequestSchema,
    response: returns<ProfileSummary[]>(),
  },
  'profiles:save': {
    request: saveProfileRequestSchema,
    response: returns<ProfileSummary>(),
  },
  'profiles:delete': {
    request: profileRefSchema,
    response: returns<{ id: string }>(),
  },
  'profiles:test': {
    request: testConnectionRequestSchema,
    response: returns<ConnectionTestResult>(),
  },
  'demo:start': {
    request: emptyRequestSchema,
    response: returns<ProfileSummary>(),
  },
  'pool:connect': {
    request: connectRequestSchema,
    response: returns<ProfileStatus>(),
  },
  'pool:disconnect': {
    request: profileRefSchema,
    response: returns<ProfileStatus>(),
  },
  'health:get-timeline': {
    request: profileRefSchema,
    response: returns<HealthTimeline>(),
  },
  'health:reconnect-now': {
    request: profileRefSchema,
    response: returns<ProfileStatus>(),
  },
  'health:reset-backoff': {
    request: profileRefSchema,
    response: returns<ProfileStatus>(),
  },
  'profiles:import-preview': {
    request: importPreviewRequestSchema,
    response: returns<ImportPreviewView>(),
  },
  'profiles:import-confirm': {
    request: importConfirmRequestSchema,
    response: returns<ProfileSummary[]>(),
  },
  'profiles:export': {
    request: exportProfilesRequestSchema,
    response: returns<ProfilesExport>(),
  },
  'sessions:get': {
    request: profileRefSchema,
    response: returns<SessionsView>(),
  },
  'sessions:cancel': {
    request: sessionActionRequestSchema,
    response: returns<SessionActionResult>(),
  },
  'sessions:terminate': {
    request: sessionActionRequestSchema,
    response: returns<SessionActionResult>(),
  },
  'metrics:export': {
    request: exportMetricsRequestSchema,
    response: returns<MetricsExport>(),
  },
  'pool:drain': { request: drainRequestSchema, response: returns<ProfileStatus>() },
  'pool:resume': { request: profileRefSchema, response: returns<ProfileStatus>() },
  'pool:shutdown': {
    request: profileRefSchema,
    response: returns<ShutdownResult & { status: ProfileStatus }>(),
  },
  'events:list': { request: eventsListRequestSchema, response: returns<EngineEventPage>() },
  'metrics:get-history': {
    request: metricsHistoryRequestSchema,
    response: returns<MetricsSeries>(),
  },
  /** Desktop: a save dialog in main; browser mode answers 'invalid-state' (use metrics:export). */
  'metrics:save': { request: saveMetricsRequestSchema, response: returns<SavedFile>() },
  'loadlab:get': { request: profileRefSchema, response: returns<WorkloadStatus>() },
  'loadlab:set': { request: setWorkloadRequestSchema, response: returns<WorkloadStatus>() },
  'app:get-preferences': { request: emptyRequestSchema, response: returns<AppPreferences>() },
  'app:set-preferences': {
    request: setPreferencesRequestSchema,
    response: returns<AppPreferences>(),
  },
  'queue:get': { request: queueGetRequestSchema, response: returns<QueueView>() },
  'queue:submit': { request: queueSubmitRequestSchema, response: returns<SubmitOutcome>() },
  'queue:resolve': { request: queueResolveRequestSchema, response: returns<QueueView>() },
  'queue:requeue': { request: queueRequeueRequestSchema, response: returns<QueueView>() },
  'queue:export': { request: queueExportRequestSchema, response: returns<MetricsExport>() },
  'queue:set-exactly-once': {
    request: queueExactlyOnceRequestSchema,
    response: returns<QueueStatus>(),
  },
  'queue:discard-damage': {
    request: queueDiscardDamageRequestSchema,
    response: returns<QueueView>(),
  },
  /** Desktop: a save dialog in main; browser mode answers 'invalid-state' (use queue:export). */
  'queue:save': { request: queueExportRequestSchema, response: returns<SavedFile>() },
  'history:get-status': { request: emptyRequestSchema, response: returns<HistorySinkStatus>() },
  'history:create-tables': {
    request: historySinkTablesRequestSchema,
    response: returns<HistorySinkStatus>(),
  },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: Phantom<unknown> }>

export const eventContract = {
  'profiles:changed': { payload: carries<ProfileSummary[]>() },
  'connection:state-changed': { payload: carries<ProfileStatus>() },
  'pool:stats-changed': { payload: carries<PoolStatsSample>() },
  'app:warning-raised': { payload: carries<AppWarning>() },
  'health:attempt-recorded': { payload: carries<AttemptRecord>() },
  'sessions:sampled': { payload: carries<ServerSummary>() },
  'alerts:changed': { payload: carries<AlertsChanged>() },
  'events:recorded': { payload: carries<EngineEventBatch>() },
  'workload:changed': { payload: carries<WorkloadStatus>() },
  'preferences:changed': { payload: carries<AppPreferences>() },
  'queue:changed': { payload: carries<QueueStatus>() },
  'history:changed': { payload: carries<HistorySinkStatus>() },
} as const satisfies Record<EventChannel, { payload: Phantom<unknown> }>

type Invokes = typeof invokeContract
type Events = typeof eventContract
type InvokeMethods = typeof invokeMethods
type EventMethods = typeof eventMethods

// Both directions: a channel in one list and not the other is a compile error.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const contractMatchesChannels: Same<keyof Invokes, InvokeChannel> &
  Same<keyof Events, EventChannel> = true

/** What the renderer may send (before validation). */
export type RequestOf<C extends InvokeChannel> = z.input<Invokes[C]['request']>
/** What a handler receives (after validation and transforms). */
export type ParsedRequestOf<C extends InvokeChannel> = z.output<Invokes[C]['request']>
export type ResponseOf<C extends InvokeChannel> =
  Invokes[C]['response'] extends Phantom<infer T> ? T : never
export type PayloadOf<E extends EventChannel> =
  Events[E]['payload'] extends Phantom<infer T> ? T : never

export type EventPayloads = { [E in EventChannel]: PayloadOf<E> }

/** Main-side implementation of every invoke, already validated. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>
}

export type Unsubscribe = () => void

/** The renderer's API: one named method per channel, listeners receive the payload only. */
export type LifeguardApi = {
  readonly [C in InvokeChannel as InvokeMethods[C]]: (
    request: RequestOf<C>,
  ) => Promise<Result<ResponseOf<C>>>
} & {
  readonly [E in EventChannel as EventMethods[E]]: (
    listener: (payload: PayloadOf<E>) => void,
  ) => Unsubscribe
}

export {
  eventChannels,
  invokeChannels,
  isEventChannel,
  isInvokeChannel,
  type EventChannel,
  type InvokeChannel,
} from './channels'
