/**
 * A profile's health in small pieces: the level (icon and words, its reasons on hover), the
 * countdown to the next attempt, how long the database has been unreachable, and the breaker.
 */
import type { BreakerState, HealthView } from '../../../../shared/domain'
import { countdownText, formatElapsed, nextAttemptText } from '../../lib/countdown'
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
