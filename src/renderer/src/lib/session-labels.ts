/**
 * Words, icons and number formats for the server's sessions and their alerts: colour is never the
 * only signal. Every string from the server passes through here unchanged (it is shown as text).
 */
import type {
  AlertKind,
  AlertSeverity,
  ConnectionUsage,
  LeakServerMatch,
  ServerSession,
} from '../../../shared/sessions'
import { durationText } from '../../../shared/duration-text'
import { countText } from './plural'

export type StateTone = 'active' | 'idle' | 'xact' | 'aborted' | 'other' | 'hidden'

export interface StateLabel {
  icon: string
  text: string
  tone: StateTone
}

const knownStateLabels: Record<string, StateLabel> = {
  active: { icon: '▶', text: 'active', tone: 'active' },
  idle: { icon: '○', text: 'idle', tone: 'idle' },
  'idle in transaction': { icon: '◐', text: 'idle in transaction', tone: 'xact' },
  'idle in transaction (aborted)': {
    icon: '✕',
    text: 'idle in transaction (aborted)',
    tone: 'aborted',
  },
}

/** A session's state as the server names it; a hidden one says so. */
export function stateLabel(state: string | null, hidden = false): StateLabel {
  if (state !== null) return knownStateLabels[state] ?? { icon: '·', text: state, tone: 'other' }
  return hidden
    ? { icon: '⊘', text: 'hidden', tone: 'hidden' }
    : { icon: '·', text: '–', tone: 'other' }
}

export const severityLabels: Record<AlertSeverity, { icon: string; text: string }> = {
  critical: { icon: '‼', text: 'Critical' },
  warning: { icon: '▲', text: 'Warning' },
}

export const alertKindLabels: Record<AlertKind, string> = {
  'idle-in-transaction': 'Idle in transaction',
  'long-query': 'Long query',
  blocked: 'Blocked',
  connections: 'Server connections',
  leak: 'Pool leak',
  'breaker-open': 'Circuit breaker open',
  'queue-filling': 'Write queue filling',
}

export const leakMatchLabels: Record<LeakServerMatch, string> = {
  matched: 'matched by backend pid',
  gone: 'no longer on the server',
  'not-sampled': 'not sampled yet',
  'no-pid': 'backend pid unknown to the pool',
}

/**
 * An age as a DBA reads it: "850 ms", "4.2 s", "45 s", "2 min 05 s", or "–"; the same rule as
 * main's alert messages (src/shared/duration-text.ts), so a message and its figure agree.
 */
export function formatAge(ms: number | null): string {
  return ms === null ? '–' : durationText(ms)
}

/** Where a session connects from: "10.0.0.5:51234", "[::1]:5432", "local socket", or "–". */
export function clientText(s: Pick<ServerSession, 'clientAddress' | 'clientPort'>): string {
  if (s.clientPort === -1) return 'local socket'
  if (s.clientAddress === null) return '–'
  const host = s.clientAddress.includes(':') ? `[${s.clientAddress}]` : s.clientAddress
  return s.clientPort === null ? host : `${host}:${s.clientPort}`
}

/** A server value that may be absent or empty: shown as a dash, never as a blank. */
export function orDash(value: string | null): string {
  return value === null || value === '' ? '–' : value
}

export type UsageLevel = 'ok' | 'warning' | 'critical'

/** The same limits as the connections alert: 80 % warning, 95 % critical. */
export const USAGE_WARNING = 0.8
export const USAGE_CRITICAL = 0.95

export function usageLevel(ratio: number): UsageLevel {
  if (ratio >= USAGE_CRITICAL) return 'critical'
  if (ratio >= USAGE_WARNING) return 'warning'
  return 'ok'
}

/** "12 %" (below 1 % but above 0: "<1 %"). */
export function percentText(ratio: number): string {
  const pct = ratio * 100
  if (pct > 0 && pct < 1) return '<1 %'
  return `${Math.round(pct)} %`
}

/** "12 of 97 connections (12 %)". */
export function usageText(usage: Pick<ConnectionUsage, 'used' | 'available' | 'ratio'>): string {
  return `${usage.used} of ${countText(usage.available, 'connection')} (${percentText(usage.ratio)})`
}

/** "pids 12, 34" / "pid 12"; pid 0 is a prepared transaction. */
export function pidsText(pids: readonly number[]): string {
  const names = pids.map((p) => (p === 0 ? 'a prepared transaction' : String(p)))
  return names.join(', ')
}
