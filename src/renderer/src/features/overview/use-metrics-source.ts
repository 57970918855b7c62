/**
 * One MetricsSource per (profile, range) while the Overview shows it: history loaded on open and
 * on every range change, live samples followed, and the time axis moved on once a second while
 * no sample arrives (a disconnected profile's window still slides).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { HistoryRange } from '../../../../shared/cockpit'
import { useApi } from '../../api/transport-context'
import { useStore } from '../../stores/store'
import { MetricsSource, type HistoryLoad } from './metrics-source'

export function useMetricsSource(
  profileId: string,
  range: HistoryRange,
): { source: MetricsSource; load: HistoryLoad } {
  const api = useApi()
  const source = useMemo(() => new MetricsSource(useStore, profileId, range), [profileId, range])
  useEffect(() => {
    const stop = source.start()
    void source.loadHistory(api)
    const slide = window.setInterval(() => source.slide(), 1_000)
    return () => {
      window.clearInterval(slide)
      stop()
    }
  }, [source, api])
  const load = useSyncExternalStore(source.subscribeLoad, source.getLoad)
  return { source, load }
}
