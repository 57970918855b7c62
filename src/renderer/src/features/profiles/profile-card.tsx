import { useId } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import { ColorTag } from '../../components/color-tag'
import { ErrorMessage } from '../../components/error-message'
import { PoolChart } from '../../components/pool-chart'
import { PoolGauge } from '../../components/pool-gauge'
import { TestResult } from '../../components/test-result'
import { connectionTarget, hostPortText } from '../../lib/format'
import { selectors, useStore } from '../../stores/store'
import { CardActions } from './card-actions'
import { HealthSummary } from './health-summary'
import { PasswordPrompt } from './password-prompt'
import { PoolCounts, PoolDetails } from './pool-counts'
import { ServerSummaryLine } from './server-summary'
import { StateBadge } from './state-badge'
import { useProfileActions } from './use-profile-actions'

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

/** One profile: where it points, its state, its pool live, and what can be done with it. */
export function ProfileCard({
  profile,
  headingLevel = 3,
}: {
  profile: ProfileSummary
  /** 4 when the card sits under a group heading. */
  headingLevel?: 3 | 4
}) {
  const Heading = headingLevel === 4 ? 'h4' : 'h3'
  const status = useStore(selectors.statuses.status(profile.id))
  const pool = useStore(selectors.statuses.pool(profile.id))
  const openEditForm = useStore((s) => s.openEditForm)
  const askToDelete = useStore((s) => s.askToDelete)
  const secretStorage = useStore(selectors.app.secretStorage)
  const openHealth = useStore((s) => s.openHealth)
  const openSessions = useStore((s) => s.openSessions)
  const serverSummary = useStore(selectors.sessions.serverSummary(profile.id))
  const criticalAlerts = useStore(selectors.sessions.openAlertsOf(profile.id, 'critical'))
  const warningAlerts = useStore(selectors.sessions.openAlertsOf(profile.id, 'warning'))
  const actions = useProfileActions(profile.id)
  const titleId = useId()
  const state = status?.state ?? 'disconnected'
  const connected = state === 'connected'
  // Main runs a pool and a health checker for it (connected, or retrying while not).
  const hasSession = status?.health != null
  const retrying = state === 'failed' || state === 'connecting'
  const error = actions.error ?? (retrying ? status?.error : null) ?? null
  const target = connectionTarget(profile)
  const fallbackText = profile.fallbackHosts.map(hostPortText).join(', ')

  return (
    <article
      className={`card card-${state}${profile.color ? ` card-pc pc-${profile.color}` : ''}`}
      data-testid="profile-card"
      data-profile-name={profile.name}
      data-state={state}
      aria-labelledby={titleId}
    >
      <header className="card-header">
        <div className="card-heading">
          <Heading id={titleId} className="card-title" title={profile.name}>
            {profile.name}
          </Heading>
          {profile.kind === 'demo' && <span className="tag">demo</span>}
          {profile.color && <ColorTag color={profile.color} />}
        </div>
        <StateBadge state={state} />
      </header>
      <div className="card-target mono" title={target}>
        {target}
      </div>
      <dl className="card-meta">
        <div>
          <dt>SSL mode</dt>
          <dd className="mono">{profile.sslmode}</dd>
        </div>
        {profile.fallbackHosts.length > 0 && (
          <div title={fallbackText}>
            <dt>Fallback</dt>
            <dd className="mono" data-testid="fallback-hosts-summary">
              {fallbackText}
            </dd>
          </div>
        )}
        <div>
          <dt>Server</dt>
          <dd>
            {connected && status?.serverVersion ? (
              <>
                PostgreSQL <span data-testid="server-version">{status.serverVersion}</span>
              </>
            ) : (
              '–'
            )}
          </dd>
        </div>
        {status && state !== 'disconnected' && (
          <div>
            <dt>Since</dt>
            <dd className="num">{timeOf(status.since)}</dd>
          </div>
        )}
      </dl>
      {status && <HealthSummary status={status} onOpen={() => openHealth(profile.id)} />}
      {(connected || hasSession) && (
        <ServerSummaryLine
          summary={serverSummary}
          critical={criticalAlerts}
          warning={warningAlerts}
          onOpen={() => openSessions(profile.id)}
        />
      )}
      <PoolCounts stats={pool} live={connected} />
      {connected && <PoolDetails stats={pool} />}
      <PoolGauge stats={pool} />
      {connected || hasSession ? (
        <PoolChart profileId={profile.id} profileName={profile.name} />
      ) : (
        <div className="chart-placeholder">Connect to watch the pool over the last 2 minutes.</div>
      )}
      {error && <ErrorMessage error={error} testId="card-error" />}
      {actions.test && <TestResult outcome={actions.test} testId="test-result" />}
      <CardActions
        state={state}
        hasSession={hasSession}
        actions={actions}
        onEdit={() => openEditForm(profile.id)}
        onDelete={() => askToDelete(profile.id)}
      />
      {actions.askingPassword && !connected && (
        <PasswordPrompt
          user={profile.user}
          pending={actions.request === 'connect'}
          secretStorage={secretStorage}
          onSubmit={(password, remember) => void actions.connect(password, remember)}
          onCancel={actions.cancelPassword}
        />
      )}
    </article>
  )
}
