/**
 * A desktop notification's text: the title names the profile and the alert kind, the body is
 * Lifeguard's own alert message. Both are plain text: control characters are removed, the length
 * is capped, and on Linux, where a notification server may read the body as markup, `&`, `<` and
 * `>` are escaped so nothing in a name or a message can become markup. Never a password: alert
 * messages are built from numbers and Lifeguard's labels.
 */
import type { AlertKind } from '../../shared/sessions'

export const TITLE_MAX = 120
export const BODY_MAX = 300

export const alertKindTitles: Readonly<Record<AlertKind, string>> = {
  'idle-in-transaction': 'idle in transaction',
  'long-query': 'long-running query',
  blocked: 'blocked session',
  connections: 'server connections',
  leak: 'connection leak',
  'breaker-open': 'circuit breaker open',
  'queue-filling': 'write queue filling',
}

function plain(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function notificationTitle(profileName: string, kind: AlertKind): string {
  return plain(`${profileName}: ${alertKindTitles[kind]}`, TITLE_MAX)
}

export function notificationBody(message: string, platform: NodeJS.Platform): string {
  const body = plain(message, BODY_MAX)
  return platform === 'linux' ? escapeMarkup(body) : body
}
