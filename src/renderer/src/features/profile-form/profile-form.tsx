import { useId, type FormEvent } from 'react'
import { sslModes, type ProfileSummary, type SecretStorageInfo } from '../../../../shared/domain'
import { limits } from '../../../../shared/schemas'
import { RememberPassword } from '../../components/remember-password'
import { Spinner } from '../../components/spinner'
import { TestResult } from '../../components/test-result'
import { AdvancedSection } from './advanced-fields'
import { ColorPicker } from './color-picker'
import { FormError } from './form-error'
import type { FieldName } from './form-model'
import { TextField } from './text-field'
import { useProfileForm } from './use-profile-form'

export interface ProfileFormProps {
  titleId: string
  /** Absent: a new profile. */
  profile?: ProfileSummary
  /** Groups of the saved profiles, offered as suggestions. */
  groups: readonly string[]
  /** Whether passwords can be stored here (null until main said). */
  secretStorage: SecretStorageInfo | null
  /** Start with the Advanced section open. */
  advancedOpen?: boolean
  onClose(): void
}

type TextName = Exclude<
  FieldName,
  'sslmode' | 'color' | 'fallbackHosts' | 'settings' | 'rememberPassword'
>

function passwordHelp(profile: ProfileSummary | undefined): string {
  if (profile?.passwordStored) return 'Leave empty to keep the stored password.'
  if (profile?.hasSessionPassword) return 'Leave empty to keep the password entered earlier.'
  return 'Optional: without one, Lifeguard asks when connecting, or uses .pgpass or the password command.'
}

export function ProfileForm(props: ProfileFormProps) {
  const { titleId, profile, groups, secretStorage, onClose } = props
  const form = useProfileForm(profile, onClose, props.advancedOpen ?? false)
  const id = useId()
  const { fields } = form
  const text = (name: TextName) => ({
    id: `${id}-${name}`,
    value: fields[name],
    onValue: (value: string) => form.update(name, value),
    onBlur: () => form.touch(name),
    invalid: form.isInvalid(name),
    error: form.errors[name] ?? null,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void form.save()
  }

  return (
    <form className="profile-form" onSubmit={submit} noValidate data-testid="profile-form">
      <h2 id={titleId} className="modal-title">
        {profile ? `Edit profile “${profile.name}”` : 'Add connection profile'}
      </h2>
      <div className="form-grid">
        <TextField
          {...text('name')}
          label="Name"
          placeholder="e.g. orders primary"
          autoComplete="off"
          maxLength={limits.nameMax}
        />
        <TextField
          {...text('group')}
          label="Group"
          placeholder="e.g. production"
          autoComplete="off"
          list={`${id}-groups`}
          maxLength={limits.groupMax}
          help="Cards are grouped under it on the dashboard."
        />
        <datalist id={`${id}-groups`} data-testid="group-options">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <ColorPicker
          id={`${id}-color`}
          value={fields.color}
          onChange={(c) => form.update('color', c)}
        />
        <TextField {...text('host')} label="Host" autoComplete="off" placeholder="db.example.com" />
        <TextField
          {...text('port')}
          label="Port"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          step={1}
        />
        <TextField {...text('database')} label="Database" autoComplete="off" />
        <TextField {...text('user')} label="User" autoComplete="off" />
        <TextField
          {...text('password')}
          label="Password"
          type="password"
          autoComplete="off"
          help={passwordHelp(profile)}
        />
        <div className="field">
          <label htmlFor={`${id}-sslmode`}>SSL mode</label>
          <select
            id={`${id}-sslmode`}
            value={fields.sslmode}
            onChange={(e) => {
              const mode = sslModes.find((m) => m === e.target.value)
              if (mode) form.update('sslmode', mode)
            }}
            aria-invalid={form.isInvalid('sslmode') || undefined}
          >
            {sslModes.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </div>
        <RememberPassword
          id={`${id}-remember`}
          checked={fields.rememberPassword}
          onChange={(on) => form.update('rememberPassword', on)}
          secretStorage={secretStorage}
          passwordStored={profile?.passwordStored ?? false}
        />
      </div>
      <AdvancedSection id={id} form={form} />
      <div className="form-feedback">
        {form.testing && (
          <p className="progress" role="status">
            <Spinner /> Testing connection…
          </p>
        )}
        {form.test && <TestResult outcome={form.test} testId="form-test-result" />}
        {form.formError && <FormError error={form.formError} />}
      </div>
      <div className="modal-actions">
        <button
          type="button"
          className="btn"
          onClick={() => void form.runTest()}
          disabled={form.testing}
          aria-busy={form.testing}
        >
          {form.testing && <Spinner />}
          Test connection
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.saving}
          aria-busy={form.saving}
        >
          {form.saving && <Spinner />}
          Save
        </button>
      </div>
    </form>
  )
}
