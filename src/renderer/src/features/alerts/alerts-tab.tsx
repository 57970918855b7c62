/** The Alerts tab: the profile's alerts (open first, then recently resolved) and its mute switch. */
import type { ProfileSummary } from '../../../../shared/domain'
import { selectors, useStore } from '../../stores/store'
import { AlertBadge } from '../sessions/alert-badge'
import { AlertList } from '../sessions/alert-list'
import { MuteToggle } from './mute-toggle'

export function AlertsTab({ profile }: { profile: ProfileSummary }) {
  const alerts = useStore(selectors.sessions.alerts(profile.id))
  const critical = useStore(selectors.sessions.openAlertsOf(profile.id, 'critical'))
  const warning = useStore(selectors.sessions.openAlertsOf(profile.id, 'warning'))
  const state = useStore(selectors.statuses.state(profile.id))
  return (
    <div className="alerts-tab" data-testid="alerts-tab">
      <div className="tab-bar">
        <h3>Alerts of “{profile.name}”</h3>
        <AlertBadge critical={critical} warning={warning} />
        <span className="spacer" />
        <MuteToggle profileId={profile.id} />
      </div>
      {state === 'disconnected' && alerts.length === 0 ? (
        <p className="muted">Not connected: alerts are watched while the profile is connected.</p>
      ) : (
        <AlertList alerts={alerts} />
      )}
    </div>
  )
}
