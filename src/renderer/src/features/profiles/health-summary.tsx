/**
 * A profile's health at a glance: the level (icon and words) with its reasons, the probe latency
 * while connected, and while it is not: the countdown to the next attempt, how long the database
 * has been unreachable, and the circuit breaker when it is not closed.
 */
import type { BreakerState, HealthView, ProfileStatus } from '../../../../shared/domain'
import { countdownText, formatElapsed, nextAttemptText } from '../../lib/countdown'
import { formatMs } from '../../lib/format'
import { breakerLabels, healthLevelLabels } from '../../lib/health-labels'
import { useSecondTick } from '../../lib/use-second-tick'

export function HealthLevelBadge({ health }: { health: Pick<HealthView, 'level' | 'reasons'> }) {
  const label = healthLevelLabels[health.level]
  const reasons = health.reasons.join('\n')
  return (
    <span
      className={`level-badge level-${health.level}`}
      data-testid="health-level"
      data-level={health.level}
      title={reasons || 'The last probes saw no problem'}
    >
      <span className="level-icon" aria-hidden="true">
        {label.icon}
      </span>
      <span>{label.text}</span>
    </span>
  )
}

/** "Next attempt in 12 s" (or just "in 12 s" under a heading), ticking each second. */
export function NextAttempt({ at, short = false }: { at: number | null; short?: boolean }) {
  const now = useSecondTick()
  return (
    <span className="next-attempt num" data-testid="next-attempt" data-at={at ?? ''}>
      {short ? countdownText(at, now) : nextAttemptText(at, now)}
    </span>
  )
}

/** "unreachable for 42 s", ticking each second. */
export function UnreachableFor({ since }: { since: number }) {
  const now = useSecondTick()
  return (
    <span className="num" data-testid="unreachable-for">
      unreachable for {formatElapsed(since, now)}
    </span>
  )
}

export function BreakerBadge({ state }: { state: BreakerState }) {
  const label = breakerLabels[state]
  return (
    <span
      className={`breaker breaker-${state}`}
      data-testid="breaker-state"
      data-breaker={state}
      title={`Circuit breaker ${label.text.toLowerCase()}: ${label.meaning}`}
    >
      <span aria-hidden="true">{state === 'closed' ? '◯' : '⊘'}</span> Breaker{' '}
      {label.text.toLowerCase()}
    </span>
  )
}

interface HealthSummaryProps {
  status: ProfileStatus
  /** Opens the health view (retry timeline). */
  onOpen(): void
}

export function HealthSummary({ status, onOpen }: HealthSummaryProps) {
  const health = status.health
  if (!health) return null
  const connected = status.state === 'connected'
  const retrying = status.state === 'connecting' || status.state === 'failed'
  return (
    <div className="health-summary" data-testid="health-summary">
      <div className="health-main">
        <div className="health-line">
          <HealthLevelBadge health={health} />
          {connected && health.latencyMs !== null && (
            <span className="num" data-testid="probe-latency" title="Round trip of the last probe">
              probe {formatMs(health.latencyMs)}
            </span>
          )}
          {retrying && <NextAttempt at={health.nextAttemptAt} />}
          {retrying && health.unreachableSince !== null && (
            <UnreachableFor since={health.unreachableSince} />
          )}
          {health.breaker !== 'closed' && <BreakerBadge state={health.breaker} />}
        </div>
        {connected && health.reasons.length > 0 && (
          <ul className="health-reasons" data-testid="health-reasons">
            {health.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="btn btn-small"
        onClick={onOpen}
        title="Retry timeline, breaker and backoff"
      >
        Health
      </button>
    </div>
  )
}
