/**
 * Loads main's retry timeline into the store when the health view opens; after that the view
 * follows `health:attempt-recorded` events (the bridge was subscribed before this request, so
 * nothing in between is lost, and a record seen both ways is kept once).
 */
import { useEffect, useState } from 'react'
import type { LifeguardApi } from '../../../../shared/contract'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { useStore, type LifeguardState } from '../../stores/store'

export type TimelineLoad =
  { phase: 'loading' } | { phase: 'loaded' } | { phase: 'failed'; error: ErrorInfo }

/**
 * One request: main's timeline is merged into the slice (records seen by event are kept once) and
 * its status merged by `since` (a newer one received by event wins).
 */
export async function loadHealthTimeline(
  api: LifeguardApi,
  profileId: string,
  store: Pick<LifeguardState, 'setAttempts' | 'mergeStatuses'>,
): Promise<TimelineLoad> {
  const result = await api.getHealthTimeline({ id: profileId })
  if (!result.ok) return { phase: 'failed', error: result.error }
  store.setAttempts(profileId, result.data.attempts)
  store.mergeStatuses([result.data.status])
  return { phase: 'loaded' }
}

export function useHealthTimeline(profileId: string): TimelineLoad {
  const api = useApi()
  const [load, setLoad] = useState<TimelineLoad>({ phase: 'loading' })

  useEffect(() => {
    let current = true
    void loadHealthTimeline(api, profileId, useStore.getState()).then((outcome) => {
      if (current) setLoad(outcome)
    })
    return () => {
      current = false
    }
  }, [api, profileId])

  return load
}
