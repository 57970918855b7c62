/** A short headline and, where useful, a next step for every error code main can send. */
import type { ErrorCode, ErrorInfo } from '../../../shared/result'

const titles: Record<ErrorCode, string> = {
  validation: 'Invalid input',
  'unknown-channel': 'Unsupported request',
  'bad-message': 'Unreadable request',
  'message-too-large': 'Request too large',
  'rate-limited': 'Too many requests',
  forbidden: 'Not allowed',
  'not-found': 'Profile not found',
  conflict: 'Conflict',
  'invalid-state': 'Not possible right now',
  'password-required': 'Password required',
  storage: 'Could not save',
  'storage-read-only': 'Profiles are read-only',
  'auth-failed': 'Authentication failed',
  'unknown-database': 'Database does not exist',
  'no-pg-hba-entry': 'Rejected by pg_hba.conf',
  'ssl-required': 'SSL required',
  'too-many-connections': 'Too many connections',
  'server-starting': 'Server is starting up',
  'connection-refused': 'Connection refused',
  'host-not-found': 'Host not found',
  'host-unreachable': 'Host unreachable',
  'connection-reset': 'Connection reset',
  timeout: 'Timed out',
  'pool-closed': 'Pool closed',
  'acquire-timeout': 'Pool exhausted',
  'query-failed': 'Query failed',
  'connection-failed': 'Connection failed',
  'demo-unavailable': 'Local demo unavailable',
  internal: 'Internal error',
  'pool-exhausted': 'Pool exhausted',
  'database-unreachable': 'Database unreachable',
  'pool-draining': 'Pool is draining',
  'self-deadlock': 'Pool self-deadlock',
  'queue-full': 'Write queue full',
  'service-unavailable': 'Database unavailable',
  'secret-storage-unavailable': 'Password cannot be stored',
}

const hints: Partial<Record<ErrorCode, string>> = {
  'auth-failed': 'Check the user name and password.',
  'unknown-database': 'Check the database name.',
  'no-pg-hba-entry': 'Add a matching line to pg_hba.conf, or try another SSL mode.',
  'ssl-required': 'Choose SSL mode "require" or stricter.',
  'too-many-connections': 'The server has reached max_connections.',
  'server-starting': 'Try again in a few seconds.',
  'connection-refused': 'Is PostgreSQL running and listening on this host and port?',
  'host-not-found': 'Check the host name.',
  'host-unreachable': 'Check the network path to the host.',
  timeout: 'A firewall may be dropping packets, or the server is overloaded.',
  'rate-limited': 'Wait a moment and try again.',
  'pool-exhausted': 'Every connection is in use and the wait timed out.',
  'acquire-timeout': 'Every connection is in use and the wait timed out.',
  'database-unreachable': 'New connections kept failing; see the cause above.',
  'connection-reset': 'The server or a device on the way closed the connection; try again.',
  'connection-failed': 'Check the host, port and network path, then try again.',
  'password-required': 'Passwords are kept for one run only: enter it again.',
  storage: 'Check that the data directory is writable and the disk is not full.',
  'storage-read-only': 'A newer Lifeguard wrote the profiles file: use that version.',
}

export function errorTitle(error: ErrorInfo): string {
  return Object.hasOwn(titles, error.code) ? titles[error.code] : 'Error'
}

export function errorHint(error: ErrorInfo): string | undefined {
  return Object.hasOwn(hints, error.code) ? hints[error.code] : undefined
}
