/**
 * The live parts of a fleet card, each subscribed to its own profile's slice of the store only,
 * so a sample for one profile re-renders that card's pool figures and nothing else.
 */
import { poolPaused } from '../../../../shared/cockpit'
import { PoolGauge } from '../../components/pool-gauge'
import { ServerGauge } from '../../components/server-gauge'
import { Sparkline } from '../../components/sparkline'
import { formatMs } from '../../lib/format'
import { selectors, useStore } from '../../stores/store'
import { BreakerBadge, HealthLevelBadge, NextAttempt } from '../profiles/health-summary'
import { AlertBadge } from '../sessions/alert-badge'

/** Level, probe latency and its sparkline; the countdown and breaker while retrying. */
export function CardHealth({ id }: { id: string }) {
  const status = useStore(selectors.statuses.status(id))
  const health = status?.health ?? null
  const state = status?.state ?? 'disconnected'
  const retrying = state === 'connecting' || state === 'failed'
  return (
    <div className="fc-health">
      <div className="fc-health-line">
        {health ? <HealthLevelBadge health={health} /> : <span className="muted">No probes</span>}
        {state === 'connected' && health?.latencyMs != null && (
          <span className="num" data-testid="probe-latency" title="Round trip of the last probe">
            probe {formatMs(health.latencyMs)}
          </span>
        )}
        {retrying && health && <NextAttempt at={health.nextAttemptAt} />}
        {health && health.breaker !== 'closed' && <BreakerBadge state={health.breaker} />}
      </div>
      {health && <Sparkline profileId={id} label="Probe latency over the last 2 minutes" />}
    </div>
  )
}

/** Active / idle / waiting against the pool's max, as a bar and as numbers. */
export function CardPool({ id }: { id: string }) {
  const pool = useStore(selectors.statuses.pool(id))
  const live = useStore(selectors.statuses.state(id)) === 'connected'
  return (
    <div className={`fc-pool${live ? '' : ' fc-idle'}`} role="group" aria-label="Pool connections">
      <div className="fc-row-head">
        <span className="fc-label">Pool</span>
        <span className="fc-figures num">
          <span title="Checked out, in use">
            <strong data-testid="count-active">{pool.active}</strong> active
          </span>
          <span title="Open, ready for the next request">
            <strong data-testid="count-idle">{pool.idle}</strong> idle
          </span>
          <span
            className={pool.waiting > 0 ? 'figure-alert' : undefined}
            title="Requests queued for a connection"
          >
            {pool.waiting > 0 ? '⚠ ' : ''}
            <strong data-testid="count-waiting">{pool.waiting}</strong> waiting
          </span>
          <span title="Connections the pool holds, of the largest size it may grow to">
            <strong data-testid="count-total">{pool.total}</strong> /{' '}
            <span data-testid="count-max">{pool.max > 0 ? pool.max : '–'}</span>
          </span>
        </span>
      </div>
      <PoolGauge stats={pool} />
    </div>
  )
}

/** Server connections in use against the server's limit (from sessions:sampled). */
export function CardServer({ id }: { id: string }) {
  const summary = useStore(selectors.sessions.serverSummary(id))
  const poolState = useStore(selectors.statuses.poolState(id))
  const paused = poolPaused(poolState)
  if (summary)
    return (
      <ServerGauge
        usage={summary.connections}
        label="Server"
        pausedSince={paused ? summary.sampledAt : null}
      />
    )
  return (
    <div className="server-gauge-head" data-testid="server-summary">
      <span className="server-gauge-label">Server</span>
      <span className="muted server-gauge-text" data-testid="server-gauge-waiting">
        –
      </span>
    </div>
  )
}

/** Open alerts by severity and the write queue's depth ("–" until main sent a status). */
export function CardAlertsAndQueue({ id }: { id: string }) {
  const critical = useStore(selectors.sessions.openAlertsOf(id, 'critical'))
  const warning = useStore(selectors.sessions.openAlertsOf(id, 'warning'))
  const depth = useStore(selectors.cockpit.queueDepth(id))
  return (
    <div className="fc-alerts">
      <AlertBadge critical={critical} warning={warning} />
      <span
        className="fc-queue num"
        data-testid="queue-depth"
        title="Operations waiting in this profile's write queue"
      >
        Queue {depth === null ? '–' : depth}
      </span>
    </div>
  )
}
