/**
 * The Settings tab: the profile's saved settings (edited in the profile form), Test connection
 * and Delete, the load lab, and the notification mute.
 */
import type { EffectiveSettings, ProfileSummary } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { TestResult } from '../../components/test-result'
import { connectionTarget, hostPortText } from '../../lib/format'
import { profileColorLabels } from '../../lib/profile-colors'
import { useStore } from '../../stores/store'
import { MuteToggle } from '../alerts/mute-toggle'
import { LoadLab } from '../loadlab/load-lab'
import { useProfileActions } from '../profiles/use-profile-actions'

type SettingKey = keyof EffectiveSettings

/** Every per-profile setting, in the form's order; `ms` ones read as durations. */
const settingRows: readonly { key: SettingKey; label: string; ms: boolean }[] = [
  { key: 'poolMax', label: 'Pool max', ms: false },
  { key: 'poolMin', label: 'Pool min', ms: false },
  { key: 'acquireTimeoutMs', label: 'Acquire timeout', ms: true },
  { key: 'probeIntervalMs', label: 'Probe interval', ms: true },
  { key: 'probeTimeoutMs', label: 'Probe timeout', ms: true },
  { key: 'unavailableAfterMs', label: 'Unavailable after', ms: true },
  { key: 'idleInTransactionAlertMs', label: 'Idle in transaction alert', ms: true },
  { key: 'longQueryWarningMs', label: 'Long query warning', ms: true },
  { key: 'longQueryCriticalMs', label: 'Long query critical', ms: true },
]

/**
 * The settings as the engine applies them: the profile's own value, or the default marked as such.
 * Older senders give only the overrides; then only those are listed.
 */
export function settingFacts(
  profile: Pick<ProfileSummary, 'settings' | 'effectiveSettings'>,
): { key: SettingKey; label: string; value: string; isDefault: boolean }[] {
  const out = []
  for (const row of settingRows) {
    const own = profile.settings[row.key]
    const value = own ?? profile.effectiveSettings?.[row.key]
    if (value === undefined) continue
    const text = row.ms ? exactDuration(value) : integer.format(value)
    out.push({ key: row.key, label: row.label, value: text, isDefault: own === undefined })
  }
  return out
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A configured time, exactly: "2 min", "30 s", "1,500 ms" (the largest unit that divides it). */
export function exactDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${integer.format(ms / 60_000)} min`
  if (ms >= 1000 && ms % 1000 === 0) return `${integer.format(ms / 1000)} s`
  return `${integer.format(ms)} ms`
}

export function SettingsTab({ profile }: { profile: ProfileSummary }) {
  const openEditForm = useStore((s) => s.openEditForm)
  const askToDelete = useStore((s) => s.askToDelete)
  const actions = useProfileActions(profile.id)
  const facts = settingFacts(profile)
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
          {facts.map((f) => (
            <div key={f.key} data-testid={`setting-${f.key}`}>
              <dt>{f.label}</dt>
              <dd className="num">
                {f.value}
                {f.isDefault && <span className="setting-default"> · default</span>}
              </dd>
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
