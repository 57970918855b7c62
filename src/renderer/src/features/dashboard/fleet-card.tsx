/**
 * One profile on the fleet dashboard, compact: name (a link to its view), group colour, state
 * (icon and word), health with the latency sparkline, the pool and server gauges, open alerts,
 * the write queue's depth, and Connect / Disconnect / Open. A card far off screen renders only
 * its frame (no live subscriptions, nothing drawn) until it scrolls near.
 */
import { memo, useId, useRef } from 'react'
import { ColorTag } from '../../components/color-tag'
import { ErrorMessage } from '../../components/error-message'
import { TestResult } from '../../components/test-result'
import { connectionTarget } from '../../lib/format'
import { formatRoute, profileRoute } from '../../lib/route'
import { useInView } from '../../lib/use-in-view'
import { selectors, useStore } from '../../stores/store'
import { CardActions } from '../profiles/card-actions'
import { PasswordPrompt } from '../profiles/password-prompt'
import { StateBadge } from '../profiles/state-badge'
import { useProfileActions } from '../profiles/use-profile-actions'
import { CardAlertsAndQueue, CardHealth, CardPool, CardServer } from './card-figures'

interface FleetCardProps {
  id: string
  /** 4 when the card sits under a group heading. */
  headingLevel?: 3 | 4
}

export const FleetCard = memo(function FleetCard({ id, headingLevel = 3 }: FleetCardProps) {
  const ref = useRef<HTMLElement>(null)
  const visible = useInView(ref)
  const profile = useStore(selectors.profiles.byId(id))
  const state = useStore(selectors.statuses.state(id))
  const titleId = useId()
  if (!profile) return null
  const Heading = headingLevel === 4 ? 'h4' : 'h3'
  const target = connectionTarget(profile)
  return (
    <article
      ref={ref}
      className={`card fleet-card card-${state}${profile.color ? ` card-pc pc-${profile.color}` : ''}`}
      data-testid="profile-card"
      data-profile-name={profile.name}
      data-profile-id={profile.id}
      data-state={state}
      aria-labelledby={titleId}
    >
      <header className="card-header">
        <Heading id={titleId} className="card-title" title={profile.name}>
          <a className="card-link" href={formatRoute(profileRoute(profile.id))}>
            {profile.name}
          </a>
        </Heading>
        <StateBadge state={state} />
      </header>
      <div className="fc-sub">
        {profile.color && <ColorTag color={profile.color} />}
        {profile.kind === 'demo' && <span className="tag">demo</span>}
        <span className="card-target mono" title={target}>
          {target}
          <ServerVersion id={id} />
        </span>
      </div>
      {visible ? (
        <LiveBody id={id} user={profile.user} name={profile.name} />
      ) : (
        <div className="fc-offscreen" aria-hidden="true" />
      )}
    </article>
  )
})

function ServerVersion({ id }: { id: string }) {
  const status = useStore(selectors.statuses.status(id))
  if (status?.state !== 'connected' || !status.serverVersion) return null
  return (
    <span className="fc-version">
      {' '}
      · PostgreSQL <span data-testid="server-version">{status.serverVersion}</span>
    </span>
  )
}

function LiveBody({ id, user, name }: { id: string; user: string; name: string }) {
  const status = useStore(selectors.statuses.status(id))
  const secretStorage = useStore(selectors.app.secretStorage)
  const actions = useProfileActions(id)
  const state = status?.state ?? 'disconnected'
  const hasSession = status?.health != null
  const retrying = state === 'failed' || state === 'connecting'
  const error = actions.error ?? (retrying ? status?.error : null) ?? null
  return (
    <>
      <CardHealth id={id} />
      <CardPool id={id} />
      <CardServer id={id} />
      <CardAlertsAndQueue id={id} />
      {error && <ErrorMessage error={error} testId="card-error" />}
      {actions.test && <TestResult outcome={actions.test} testId="test-result" />}
      <CardActions
        profileId={id}
        profileName={name}
        state={state}
        hasSession={hasSession}
        actions={actions}
      />
      {actions.askingPassword && state !== 'connected' && (
        <PasswordPrompt
          user={user}
          pending={actions.request === 'connect'}
          secretStorage={secretStorage}
          onSubmit={(password, remember) => void actions.connect(password, remember)}
          onCancel={actions.cancelPassword}
        />
      )}
    </>
  )
}
