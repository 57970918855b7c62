/**
 * The Settings tab: the profile's saved settings (edited in the profile form), Test connection
 * and Delete, the load lab, and the notification mute.
 */
import type { ProfileSummary } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { TestResult } from '../../components/test-result'
import { connectionTarget, hostPortText } from '../../lib/format'
import { profileColorLabels } from '../../lib/profile-colors'
import { useStore } from '../../stores/store'
import { MuteToggle } from '../alerts/mute-toggle'
import { LoadLab } from '../loadlab/load-lab'
import { useProfileActions } from '../profiles/use-profile-actions'

const settingLabels: Record<string, string> = {
  poolMax: 'Pool max',
  poolMin: 'Pool min',
  acquireTimeoutMs: 'Acquire timeout (ms)',
  probeIntervalMs: 'Probe interval (ms)',
  probeTimeoutMs: 'Probe timeout (ms)',
  unavailableAfterMs: 'Unavailable after (ms)',
  idleInTransactionAlertMs: 'Idle in transaction alert (ms)',
  longQueryWarningMs: 'Long query warning (ms)',
  longQueryCriticalMs: 'Long query critical (ms)',
}

export function SettingsTab({ profile }: { profile: ProfileSummary }) {
  const openEditForm = useStore((s) => s.openEditForm)
  const askToDelete = useStore((s) => s.askToDelete)
  const actions = useProfileActions(profile.id)
  const overrides = Object.entries(profile.settings).filter(([, v]) => v !== undefined)
  return (
    <div className="settings-tab" data-testid="settings-tab">
      <section aria-labelledby={`${profile.id}-settings-h`}>
        <div className="tab-bar">
          <h3 id={`${profile.id}-settings-h`}>Profile</h3>
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            onClick={() => void actions.runTest()}
            disabled={actions.testing}
            aria-busy={actions.testing}
          >
            {actions.testing && <Spinner />}
            Test connection
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => openEditForm(profile.id)}
          >
            Edit profile…
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-danger-text"
            onClick={() => askToDelete(profile.id)}
          >
            Delete…
          </button>
        </div>
        {actions.test && <TestResult outcome={actions.test} testId="test-result" />}
        <dl className="facts-grid">
          <div>
            <dt>Target</dt>
            <dd className="mono">{connectionTarget(profile)}</dd>
          </div>
          <div>
            <dt>SSL mode</dt>
            <dd className="mono">{profile.sslmode}</dd>
          </div>
          <div>
            <dt>Group</dt>
            <dd>{profile.group.trim() || '–'}</dd>
          </div>
          <div>
            <dt>Colour</dt>
            <dd data-testid="profile-color">
              {profile.color ? profileColorLabels[profile.color] : '–'}
            </dd>
          </div>
          <div>
            <dt>Fallback hosts</dt>
            <dd className="mono" data-testid="fallback-hosts-summary">
              {profile.fallbackHosts.length > 0
                ? profile.fallbackHosts.map(hostPortText).join(', ')
                : '–'}
            </dd>
          </div>
          <div>
            <dt>Application name</dt>
            <dd className="mono">{profile.applicationName || '–'}</dd>
          </div>
          {overrides.map(([key, value]) => (
            <div key={key}>
              <dt>{settingLabels[key] ?? key}</dt>
              <dd className="num">{String(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby={`${profile.id}-notify-h`}>
        <h3 id={`${profile.id}-notify-h`}>Notifications</h3>
        <MuteToggle profileId={profile.id} />
      </section>
      <LoadLab profileId={profile.id} />
    </div>
  )
}
