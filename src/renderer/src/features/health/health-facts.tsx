/** The health checker's figures for one profile, as a definition list (the dialog's header). */
import type { ProfileStatus } from '../../../../shared/domain'
import { formatMs } from '../../lib/format'
import { errorClassLabels } from '../../lib/health-labels'
import { BreakerBadge, NextAttempt, UnreachableFor } from '../profiles/health-summary'

export function HealthFacts({ status }: { status: ProfileStatus | undefined }) {
  const health = status?.health
  if (!status || !health)
    return (
      <p className="muted" data-testid="health-idle">
        Not connected: no probes and no retries run. The timeline below keeps earlier attempts.
      </p>
    )
  const retrying = status.state === 'connecting' || status.state === 'failed'
  return (
    <dl className="health-facts">
      <div>
        <dt>Next attempt</dt>
        <dd>{retrying ? <NextAttempt at={health.nextAttemptAt} short /> : '– (connected)'}</dd>
      </div>
      <div>
        <dt>Circuit breaker</dt>
        <dd>
          <BreakerBadge state={health.breaker} />
        </dd>
      </div>
      <div>
        <dt>Backoff step</dt>
        <dd className="num" data-testid="backoff-step">
          {health.backoffStep}
        </dd>
      </div>
      <div>
        <dt>Failures in a row</dt>
        <dd className="num" data-testid="consecutive-failures">
          {health.consecutiveFailures}
        </dd>
      </div>
      <div>
        <dt>Database</dt>
        <dd>
          {health.unreachableSince !== null ? (
            <UnreachableFor since={health.unreachableSince} />
          ) : (
            'reachable'
          )}
        </dd>
      </div>
      <div>
        <dt>{retrying ? 'Last error' : 'Probe'}</dt>
        <dd className="num">
          {retrying
            ? health.errorClass
              ? errorClassLabels[health.errorClass]
              : '–'
            : health.latencyMs !== null
              ? formatMs(health.latencyMs)
              : '–'}
        </dd>
      </div>
    </dl>
  )
}
