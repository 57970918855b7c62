/**
 * One profile: its header (name, state, health, target, Connect / Disconnect), the control bar
 * with a drain's progress, and the tabs: Overview, Health, Alerts, Sessions, Queue, Events and
 * Settings. An id that names no profile shows "not found" with a way back.
 */
import type { ProfileSummary } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { connectionTarget } from '../../lib/format'
import { dashboardRoute, formatRoute, type ProfileTab } from '../../lib/route'
import { selectors, useStore } from '../../stores/store'
import { AlertsTab } from '../alerts/alerts-tab'
import { ControlBar } from '../control/control-bar'
import { EventsTab } from '../events/events-tab'
import { HealthTab } from '../health/health-tab'
import { OverviewTab } from '../overview/overview-tab'
import { HealthLevelBadge } from '../profiles/health-summary'
import { StateBadge } from '../profiles/state-badge'
import { QueueTab } from '../queue/queue-tab'
import { SessionsTab } from '../sessions/sessions-tab'
import { SettingsTab } from '../settings/settings-tab'
import { NotFound } from './not-found'
import { ProfileConnect } from './profile-connect'
import { ProfileTabs } from './profile-tabs'
import { panelId, tabId } from './tab-keys'

export function ProfileView({ id, tab }: { id: string; tab: ProfileTab }) {
  const loaded = useStore(selectors.profiles.loaded)
  const profile = useStore(selectors.profiles.byId(id))
  if (!loaded)
    return (
      <p className="loading" role="status">
        <Spinner /> Loading profiles…
      </p>
    )
  if (!profile)
    return <NotFound what={`There is no profile with the id “${id}”: it may have been deleted.`} />
  return <ProfileScreen profile={profile} tab={tab} />
}

function ProfileScreen({ profile, tab }: { profile: ProfileSummary; tab: ProfileTab }) {
  const status = useStore(selectors.statuses.status(profile.id))
  const openAlerts = useStore(selectors.sessions.openAlertCount(profile.id))
  const depth = useStore(selectors.cockpit.queueDepth(profile.id))
  const state = status?.state ?? 'disconnected'
  return (
    <section
      className="profile-view"
      data-testid="profile-view"
      data-profile-id={profile.id}
      data-state={state}
      aria-labelledby="profile-title"
    >
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={formatRoute(dashboardRoute)}>← Fleet</a>
        {profile.group.trim() && <span className="muted"> / {profile.group.trim()}</span>}
      </nav>
      <header className="profile-head">
        <div className="profile-title-block">
          <div className="profile-title-line">
            <h2 id="profile-title" className="profile-title">
              {profile.name}
            </h2>
            {profile.kind === 'demo' && <span className="tag">demo</span>}
            <StateBadge state={state} />
            {status?.health && <HealthLevelBadge health={status.health} />}
          </div>
          <div className="card-target mono">
            {connectionTarget(profile)}
            {state === 'connected' && status?.serverVersion && (
              <span className="fc-version"> · PostgreSQL {status.serverVersion}</span>
            )}
          </div>
        </div>
        <ProfileConnect profile={profile} />
      </header>
      <ControlBar profileId={profile.id} />
      <ProfileTabs
        profileId={profile.id}
        current={tab}
        badges={{
          alerts: openAlerts > 0 ? String(openAlerts) : undefined,
          queue: depth !== null && depth > 0 ? String(depth) : undefined,
        }}
      />
      <div
        className="tab-panel"
        role="tabpanel"
        id={panelId(profile.id, tab)}
        aria-labelledby={tabId(profile.id, tab)}
        tabIndex={0}
      >
        <TabContent profile={profile} tab={tab} />
      </div>
    </section>
  )
}

function TabContent({ profile, tab }: { profile: ProfileSummary; tab: ProfileTab }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab profileId={profile.id} />
    case 'health':
      return <HealthTab profile={profile} />
    case 'alerts':
      return <AlertsTab profile={profile} />
    case 'sessions':
      return <SessionsTab profile={profile} />
    case 'queue':
      return <QueueTab profileId={profile.id} />
    case 'events':
      return <EventsTab profileId={profile.id} />
    case 'settings':
      return <SettingsTab profile={profile} />
  }
}
