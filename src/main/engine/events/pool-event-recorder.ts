/**
 * The pool's own events as engine events: connections created and removed (with the reason),
 * failed creations, acquire timeouts, leaks (holder and acquire site) and their end, and the
 * pool's state changes. Messages are Lifeguard's: a failed creation is described by the
 * profile's classifier (built from the target, never from a connection string), and any other
 * text goes through `mask`, which replaces the profile's password should it ever appear.
 */
import type { TypedEmitter } from '../core/emitter'
import type { PoolEvents, RemovalReason } from '../pool/engine'
import { durationText as ms } from '../../../shared/duration-text'
import type { RecordEvent } from './profile-event-recorder'

const removalText: Readonly<Record<RemovalReason, string>> = {
  'idle-timeout': 'idle timeout',
  'max-lifetime': 'max lifetime reached',
  broken: 'broken',
  'validation-failed': 'failed its check',
  'reset-failed': 'could not be reset after use',
  drain: 'pool draining',
  shutdown: 'pool shut down',
}

/** Removals that mean something went wrong (the rest are the pool's housekeeping). */
const troubled: ReadonlySet<RemovalReason> = new Set([
  'broken',
  'validation-failed',
  'reset-failed',
])

/** How many acquire-site lines a leak event keeps (the caller's nearest frames). */
const SITE_LINES = 6

function pidText(pid: number | undefined): string {
  return pid === undefined ? '' : ` (backend pid ${pid})`
}

function holderText(holder: string | undefined): string {
  return holder === undefined ? 'a caller with no label' : `"${holder}"`
}

export interface ErrorTexts {
  describeError(error: unknown): string
  mask(text: string): string
}

export function watchPoolEvents(
  pool: Pick<TypedEmitter<PoolEvents>, 'on'>,
  record: RecordEvent,
  { describeError, mask }: ErrorTexts,
): () => void {
  const offs = [
    pool.on('created', (e) =>
      record(
        'connection-created',
        'info',
        `opened connection ${e.connectionId}${pidText(e.backendPid)} in ${ms(e.creationMs)}`,
        {
          connectionId: e.connectionId,
          backendPid: e.backendPid ?? null,
          creationMs: Math.round(e.creationMs),
        },
      ),
    ),
    pool.on('removed', (e) =>
      record(
        'connection-removed',
        troubled.has(e.reason) ? 'warning' : 'info',
        `closed connection ${e.connectionId}${pidText(e.backendPid)}: ${removalText[e.reason]}`,
        { connectionId: e.connectionId, backendPid: e.backendPid ?? null, reason: e.reason },
      ),
    ),
    pool.on('create-failed', (e) =>
      record(
        'create-failed',
        'warning',
        `could not open a connection (${e.consecutiveFailures} in a row, next try in ${ms(e.retryInMs)}): ${describeError(e.error)}`,
        { consecutiveFailures: e.consecutiveFailures, retryInMs: Math.round(e.retryInMs) },
      ),
    ),
    pool.on('timeout', (e) =>
      record('acquire-timeout', 'warning', mask(e.message), {
        code: e.code,
        waitedMs: Math.round(e.waitedMs),
      }),
    ),
    pool.on('leak', (e) =>
      record(
        'leak',
        'warning',
        `${holderText(e.holder)} has held connection ${e.connectionId}${pidText(e.backendPid)} for ${ms(e.heldMs)} (past the leak threshold)`,
        {
          connectionId: e.connectionId,
          backendPid: e.backendPid ?? null,
          holder: e.holder ?? null,
          heldMs: Math.round(e.heldMs),
          site: e.site.split('\n').slice(0, SITE_LINES).join('\n'),
        },
      ),
    ),
    pool.on('leak-resolved', (e) =>
      record(
        'leak-resolved',
        'info',
        `${holderText(e.holder)} gave connection ${e.connectionId} back after ${ms(e.heldMs)}`,
        {
          connectionId: e.connectionId,
          backendPid: e.backendPid ?? null,
          holder: e.holder ?? null,
          heldMs: Math.round(e.heldMs),
        },
      ),
    ),
    pool.on('state-changed', (e) =>
      record('pool-state-changed', 'info', `pool ${e.from} -> ${e.to}`, {
        from: e.from,
        to: e.to,
      }),
    ),
  ]
  return () => {
    for (const off of offs) off()
  }
}
