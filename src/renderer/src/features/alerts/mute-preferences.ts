/** Muting a profile's notifications: the list main keeps, changed by one id. */
import type { LifeguardApi } from '../../../../shared/contract'
import type { AppPreferences } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import type { LifeguardState } from '../../stores/store'

export function mutedList(current: readonly string[], id: string, muted: boolean): string[] {
  const rest = current.filter((x) => x !== id)
  return muted ? [...rest, id] : rest
}

export async function setMuted(
  api: LifeguardApi,
  preferences: AppPreferences,
  id: string,
  muted: boolean,
  store: Pick<LifeguardState, 'setPreferences'>,
): Promise<ErrorInfo | null> {
  try {
    const result = await api.setPreferences({
      mutedProfileIds: mutedList(preferences.mutedProfileIds, id, muted),
    })
    if (!result.ok) return result.error
    store.setPreferences(result.data)
    return null
  } catch (error) {
    return { code: 'internal', message: String(error) }
  }
}

export async function setNotificationsEnabled(
  api: LifeguardApi,
  enabled: boolean,
  store: Pick<LifeguardState, 'setPreferences'>,
): Promise<ErrorInfo | null> {
  try {
    const result = await api.setPreferences({ notificationsEnabled: enabled })
    if (!result.ok) return result.error
    store.setPreferences(result.data)
    return null
  } catch (error) {
    return { code: 'internal', message: String(error) }
  }
}
