/**
 * What the health view shows, from plain props: state and level, the checker's figures, the
 * commands, the retry chart and the table of attempts. The dialog around it reads the store.
 */
import type { AttemptRecord, ProfileStatus, ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { connectionTarget } from '../../lib/format'
import { HealthLevelBadge } from '../profiles/health-summary'
import { StateBadge } from '../profiles/state-badge'
import { AttemptTable } from './attempt-table'
import type { HealthCommand } from './health-commands'
import { HealthFacts } from './health-facts'
import { RetryChart } from './retry-chart'
import type { TimelineLoad } from './use-health-timeline'
import { plural } from '../../lib/plural'

export interface HealthPanelProps {
  titleId: string
  profile: ProfileSummary
  status: ProfileStatus | undefined
  attempts: readonly AttemptRecord[]
  load: TimelineLoad
  pending: HealthCommand | null
  error: ErrorInfo | null
  onCommand(command: HealthCommand): void
  /** h3 inside the profile view (whose title is the h2). */
  headingLevel?: 2 | 3
}

export function HealthPanel(props: HealthPanelProps) {
  const { titleId, profile, status, attempts, load, pending, error, onCommand } = props
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  const state = status?.state ?? 'disconnected'
  const health = status?.health ?? null
  const failures = attempts.filter((a) => a.outcome === 'failure').length
  return (
    <div className="health-dialog" data-testid="health-dialog" data-state={state}>
      <header className="health-head">
        <Heading id={titleId} className="modal-title">
          Health of “{profile.name}”
        </Heading>
        <div className="health-badges">
          <StateBadge state={state} />
          {health && <HealthLevelBadge health={health} />}
        </div>
      </header>
      <div className="card-target mono">{connectionTarget(profile)}</div>
      <HealthFacts status={status} />
      {health && state !== 'connected' && health.reasons.length > 0 && (
        <p className="health-reason-line" data-testid="health-reasons">
          {health.reasons.join(' · ')}
        </p>
      )}
      <div className="row health-commands">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onCommand('reconnect')}
          disabled={!health || pending !== null}
          aria-busy={pending === 'reconnect'}
          title={
            state === 'connected'
              ? 'Probe the database now'
              : 'Skip the wait and try to connect now'
          }
        >
          {pending === 'reconnect' && <Spinner />}
          Reconnect now
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onCommand('reset')}
          disabled={!health || pending !== null}
          aria-busy={pending === 'reset'}
          title="Start the backoff again from its first delay"
        >
          {pending === 'reset' && <Spinner />}
          Reset backoff
        </button>
        <span className="spacer" />
        <span className="muted num" data-testid="attempt-count">
          {attempts.length} {plural(attempts.length, 'attempt')} · {failures} failed
        </span>
      </div>
      {error && <ErrorMessage error={error} testId="health-command-error" />}
      {load.phase === 'failed' && <ErrorMessage error={load.error} testId="health-load-error" />}
      <RetryChart profileId={profile.id} profileName={profile.name} />
      {load.phase === 'loading' && attempts.length === 0 ? (
        <p className="loading" role="status">
          <Spinner /> Loading the retry timeline…
        </p>
      ) : (
        <AttemptTable attempts={attempts} />
      )}
    </div>
  )
}
