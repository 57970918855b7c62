/**
 * Pool control as main answers it: which commands fit the profile's state, and running each one
 * (the fresh status main answers with is merged into the store, so the view moves at once).
 * Used by the control bar, the dialogs and the command palette alike.
 */
import type { LifeguardApi, RequestOf } from '../../../../shared/contract'
import { poolPaused, type ShutdownResult } from '../../../../shared/cockpit'
import type { ProfileStatus } from '../../../../shared/domain'
import type { ErrorInfo, Result } from '../../../../shared/result'
import type { LifeguardState } from '../../stores/store'

export type ControlCommand = 'drain' | 'resume' | 'shutdown' | 'reconnect'

export const controlLabels: Record<ControlCommand, string> = {
  drain: 'Drain…',
  resume: 'Resume',
  shutdown: 'Shut down…',
  reconnect: 'Reconnect now',
}

/** Why a command is not offered now (shown as its tooltip), or null when it is. */
export function controlUnavailable(
  command: ControlCommand,
  status: ProfileStatus | undefined,
): string | null {
  const pool = status?.poolState ?? null
  switch (command) {
    case 'drain':
      if (status?.state !== 'connected') return 'Connect first: only a connected pool can drain'
      if (pool === 'draining') return 'The pool is draining already'
      if (pool === 'drained') return 'The pool is drained: resume or shut it down'
      return pool === 'running' || pool === 'starting' ? null : 'The pool is not running'
    case 'resume':
      return poolPaused(pool) ? null : 'Only a draining or drained pool resumes'
    case 'shutdown':
      return pool === null || pool === 'closed' || pool === 'closing'
        ? 'There is no pool to shut down'
        : null
    case 'reconnect':
      return status?.health ? null : 'Not connected: connect first'
  }
}

type Store = Pick<LifeguardState, 'mergeStatuses'>

async function settle(
  call: Promise<Result<ProfileStatus>>,
  store: Store,
): Promise<ErrorInfo | null> {
  try {
    const result = await call
    if (!result.ok) return result.error
    store.mergeStatuses([result.data])
    return null
  } catch (error) {
    return { code: 'internal', message: String(error) }
  }
}

export function runDrain(
  api: LifeguardApi,
  request: RequestOf<'pool:drain'>,
  store: Store,
): Promise<ErrorInfo | null> {
  return settle(api.drainPool(request), store)
}

export function runResume(api: LifeguardApi, id: string, store: Store): Promise<ErrorInfo | null> {
  return settle(api.resumePool({ id }), store)
}

export function runReconnect(
  api: LifeguardApi,
  id: string,
  store: Store,
): Promise<ErrorInfo | null> {
  return settle(api.reconnectNow({ id }), store)
}

export async function runShutdown(
  api: LifeguardApi,
  id: string,
  store: Store,
): Promise<Result<ShutdownResult>> {
  try {
    const result = await api.shutdownPool({ id })
    if (!result.ok) return result
    store.mergeStatuses([result.data.status])
    return { ok: true, data: { terminated: result.data.terminated, closed: result.data.closed } }
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: String(error) } }
  }
}
