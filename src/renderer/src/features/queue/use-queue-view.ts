/**
 * The Queue tab's data: queue:get on open and again (at most once a second) whenever main's
 * queue:changed moves the figures; the live status itself comes from the store.
 */
import { useEffect, useState } from 'react'
import type { QueueView } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { selectors, useStore } from '../../stores/store'

export interface QueueLoad {
  view: QueueView | null
  error: ErrorInfo | null
  loading: boolean
}

const REFRESH_GAP_MS = 1_000

export function useQueueView(profileId: string): QueueLoad {
  const api = useApi()
  const status = useStore(selectors.cockpit.queue(profileId))
  const marker = status
    ? `${status.depth}:${status.applied}:${status.movedAside}:${status.state}`
    : ''
  const [load, setLoad] = useState<QueueLoad>({ view: null, error: null, loading: true })

  useEffect(() => {
    let live = true
    const timer = window.setTimeout(
      () => {
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
      },
      marker === '' ? 0 : REFRESH_GAP_MS,
    )
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [api, profileId, marker])

  return load
}
