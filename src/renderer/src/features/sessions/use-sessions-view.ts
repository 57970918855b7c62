/**
 * The sessions view's data: sessions:get at once and then every 2 s while the view is open (the
 * poller never overlaps two requests and leaves no timer behind when the view closes). Each
 * answer also refreshes the profile's alerts and server figures in the store, so the card agrees
 * with the view. A failed request keeps the last answer on screen, with the error next to it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LifeguardApi } from '../../../../shared/contract'
import type { ErrorInfo } from '../../../../shared/result'
import type { SessionsView } from '../../../../shared/sessions'
import { useApi } from '../../api/transport-context'
import { browserTimers, type TimerSource } from '../../lib/second-ticker'
import { useStore, type LifeguardState } from '../../stores/store'
import { SessionsPoller } from './sessions-poller'

export interface SessionsLoad {
  /** The latest answer (kept when a later request fails). */
  view: SessionsView | null
  /** Why the latest request failed; null after a success. */
  error: ErrorInfo | null
  /** The first request has not answered yet. */
  loading: boolean
}

export const initialLoad: SessionsLoad = { view: null, error: null, loading: true }

/** One request, applied to the store when it succeeds; the next load state from the previous. */
export async function loadSessionsView(
  api: LifeguardApi,
  profileId: string,
  store: Pick<LifeguardState, 'applySessionsView'>,
): Promise<(previous: SessionsLoad) => SessionsLoad> {
  const result = await api.getSessions({ id: profileId })
  if (!result.ok)
    return (previous) => ({ view: previous.view, error: result.error, loading: false })
  store.applySessionsView(result.data)
  return () => ({ view: result.data, error: null, loading: false })
}

export function useSessionsView(
  profileId: string,
  timers: TimerSource = browserTimers,
): SessionsLoad & { refresh(): void } {
  const api = useApi()
  const [load, setLoad] = useState<SessionsLoad>(initialLoad)
  const poller = useRef<SessionsPoller | null>(null)

  useEffect(() => {
    let live = true
    const current = new SessionsPoller({
      timers,
      load: async () => {
        try {
          const next = await loadSessionsView(api, profileId, useStore.getState())
          if (live) setLoad(next)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          if (live)
            setLoad((previous) => ({
              view: previous.view,
              error: { code: 'internal', message },
              loading: false,
            }))
        }
      },
    })
    poller.current = current
    current.start()
    return () => {
      live = false
      current.stop()
      if (poller.current === current) poller.current = null
    }
  }, [api, profileId, timers])

  const refresh = useCallback(() => poller.current?.refresh(), [])
  return { ...load, refresh }
}
