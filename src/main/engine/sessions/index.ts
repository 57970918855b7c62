/** The server-side sessions view's public surface (issue 6). */
export { SessionObserver } from './session-observer'
export type { LeakEventSource, SessionObserverDeps } from './session-observer'
export { SessionSampler, SAMPLER_HOLDER } from './session-sampler'
export type { SessionSamplerDeps } from './session-sampler'
export { SessionAlerts } from './session-alerts'
export type {
  AlertChanges,
  AlertKind,
  AlertSessionView,
  AlertSeverity,
  LeakEnded,
  LeakReport,
  LeakServerMatch,
  LeakView,
  SessionAlert,
} from './alert-types'
export { cancelSession, runSessionAction, terminateSession, ACTION_HOLDER } from './session-actions'
export type {
  SessionAction,
  SessionActionDeps,
  SessionActionRequest,
  SessionActionResult,
} from './session-actions'
export { confirmationFor, QUERY_EXCERPT_LENGTH } from './confirmation'
export type { ActionConfirmation } from './confirmation'
export { validatePid, MAX_BACKEND_PID } from './backend-pid'
export { poolBackendPids } from './own-backends'
export { resolveSessionSettings, sessionDefaults } from './session-settings'
export type { SessionSettings } from './session-settings'
export type { SessionAcquirer, SessionConnection, SessionLease } from './bounded-lease'
export { HIDDEN_QUERY_TEXT, QUERY_HIDDEN_REASON } from './session-types'
export type {
  BlockedSession,
  BlockingChain,
  BreakdownEntry,
  ConnectionUsage,
  ServerSession,
  SessionRef,
  SessionSnapshot,
  StateCounts,
  WaitEventCount,
} from './session-types'
