/**
 * The Queue tab's data: queue:get on open and again (at most once a second) whenever main's
 * queue:changed moves the figures; the live status itself comes from the store. An action's own
 * answer (the view after retry, skip, requeue ...) is shown at once with `apply`.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { QueueView } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'

export interface QueueLoad {
  view: QueueView | null
  error: ErrorInfo | null
  loading: boolean
}

export interface QueueViewHandle extends QueueLoad {
  /** Shows a view an action answered with (and its status in the store). */
  apply(view: QueueView): void
  /** Asks main again now. */
  refresh(): void
}

const REFRESH_GAP_MS = 1_000

export function useQueueView(profileId: string): QueueViewHandle {
  const api = useApi()
  const status = useStore(selectors.cockpit.queue(profileId))
  const marker = status
    ? `${status.depth}:${status.applied}:${status.movedAside}:${status.state}:${status.failedAttempts}`
    : ''
  const [load, setLoad] = useState<QueueLoad>({ view: null, error: null, loading: true })
  const [asked, setAsked] = useState(0)
  const answered = useRef(0)
  const lastAsk = useRef(-Infinity)
  const lastState = useRef<string | undefined>(undefined)
  const state = status ? `${status.state}:${status.depth === 0}` : undefined

  useEffect(() => {
    let live = true
    // At once on open, when asked and when the state changes (blocked, drained to empty ...);
    // while only the figures move, at most once a second (a throttle: a change arriving every
    // 200 ms must not keep postponing the refresh).
    const now = asked !== answered.current || state !== lastState.current
    answered.current = asked
    lastState.current = state
    const wait = now ? 0 : Math.max(0, lastAsk.current + REFRESH_GAP_MS - Date.now())
    const ask = () => {
      lastAsk.current = Date.now()
      void api.getQueue({ id: profileId }).then(
        (result) => {
          if (!live) return
          if (result.ok) {
            useStore.getState().setQueueStatus(result.data.status)
            setLoad({ view: result.data, error: null, loading: false })
          } else setLoad((previous) => ({ ...previous, error: result.error, loading: false }))
        },
        (error: unknown) => {
          if (live)
            setLoad((previous) => ({
              ...previous,
              error: { code: 'internal', message: String(error) },
              loading: false,
            }))
        },
      )
    }
    const timer = wait === 0 ? undefined : window.setTimeout(ask, wait)
    if (wait === 0) ask()
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [api, profileId, marker, asked, state])

  const apply = useCallback((view: QueueView) => {
    useStore.getState().setQueueStatus(view.status)
    setLoad({ view, error: null, loading: false })
  }, [])
  const refresh = useCallback(() => setAsked((n) => n + 1), [])
  return { ...load, apply, refresh }
}
