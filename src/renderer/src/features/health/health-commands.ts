/** The two commands of the health view, as main answers them (a fresh status, or an error). */
import type { LifeguardApi } from '../../../../shared/contract'
import type { ErrorInfo } from '../../../../shared/result'
import type { LifeguardState } from '../../stores/store'

export type HealthCommand = 'reconnect' | 'reset'

/** Runs one command; main's answer is merged into the store. Resolves with the error, if any. */
export async function runHealthCommand(
  api: LifeguardApi,
  profileId: string,
  command: HealthCommand,
  store: Pick<LifeguardState, 'mergeStatuses'>,
): Promise<ErrorInfo | null> {
  const request = { id: profileId }
  const result =
    command === 'reconnect' ? await api.reconnectNow(request) : await api.resetBackoff(request)
  if (!result.ok) return result.error
  store.mergeStatuses([result.data])
  return null
}
