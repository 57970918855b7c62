/**
 * A profile's Overview: the pool and server gauges with the pool's figures, the time range
 * (5 min / 1 h / 24 h) and four live charts: connections, acquire wait percentiles, acquires per
 * second and timeouts. History comes from main; live samples are folded in as they arrive.
 */
import { useState } from 'react'
import { poolPaused, type HistoryRange } from '../../../../shared/cockpit'
import { ErrorMessage } from '../../components/error-message'
import { PoolGauge } from '../../components/pool-gauge'
import { ServerGauge } from '../../components/server-gauge'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { PoolDetails } from '../profiles/pool-counts'
import { OverviewCharts } from './overview-charts'
import { RangeControl } from './range-control'
import { rangeSpecs } from './series-buffer'
import { useMetricsSource } from './use-metrics-source'
import { plural } from '../../lib/plural'

export function OverviewTab({ profileId }: { profileId: string }) {
  const [range, setRange] = useState<HistoryRange>('5m')
  const { source, load } = useMetricsSource(profileId, range)
  return (
    <div className="overview" data-testid="overview-tab">
      <OverviewGauges profileId={profileId} />
      <div className="overview-bar">
        <h3 className="overview-heading">Over the last {rangeSpecs[range].label}</h3>
        <RangeControl value={range} onChange={setRange} />
        <span className="spacer" />
        {load.phase === 'loading' && (
          <span className="muted loading-inline" role="status">
            <Spinner /> Loading history…
          </span>
        )}
        {load.phase === 'loaded' && (
          <span className="muted num" data-testid="history-points">
            {load.points} {plural(load.points, 'point')} of history
            {range === '24h' ? ' (1 per minute)' : ' (1 per second)'}
          </span>
        )}
      </div>
      {load.phase === 'failed' && (
        <ErrorMessage
          error={load.error}
          testId="history-error"
          title="History unavailable; the charts show live samples since this view opened"
        />
      )}
      <OverviewCharts key={`${profileId}-${range}`} metrics={source} />
    </div>
  )
}

function OverviewGauges({ profileId }: { profileId: string }) {
  const pool = useStore(selectors.statuses.pool(profileId))
  const state = useStore(selectors.statuses.state(profileId))
  const summary = useStore(selectors.sessions.serverSummary(profileId))
  const poolState = useStore(selectors.statuses.poolState(profileId))
  const connected = state === 'connected'
  const paused = connected && poolPaused(poolState)
  return (
    <div className="overview-gauges">
      <section className="overview-gauge" aria-labelledby={`${profileId}-pool-h`}>
        <h3 id={`${profileId}-pool-h`} className="gauge-title">
          Pool
        </h3>
        <p className="gauge-big num" data-testid="overview-pool">
          <strong>{pool.active}</strong> active · <strong>{pool.idle}</strong> idle ·{' '}
          <strong className={pool.waiting > 0 ? 'figure-alert' : undefined}>{pool.waiting}</strong>{' '}
          waiting <span className="muted">of max {pool.max > 0 ? pool.max : '–'}</span>
        </p>
        <PoolGauge stats={pool} />
        {connected ? (
          <PoolDetails stats={pool} />
        ) : (
          <p className="muted">Not connected: no pool.</p>
        )}
      </section>
      <section className="overview-gauge" aria-labelledby={`${profileId}-server-h`}>
        <h3 id={`${profileId}-server-h`} className="gauge-title">
          Server connections
        </h3>
        {summary ? (
          <ServerGauge
            usage={summary.connections}
            label="In use"
            pausedSince={paused ? summary.sampledAt : null}
          />
        ) : (
          <p className="muted" data-testid="server-gauge-waiting">
            {connected ? 'Waiting for the first sample of the server’s sessions…' : '–'}
          </p>
        )}
      </section>
    </div>
  )
}
