import { useId, type FormEvent } from 'react'
import { sslModes, type ProfileSummary } from '../../../../shared/domain'
import { Spinner } from '../../components/spinner'
import { TestResult } from '../../components/test-result'
import { FormError } from './form-error'
import type { FieldName } from './form-model'
import { TextField } from './text-field'
import { useProfileForm } from './use-profile-form'

interface ProfileFormProps {
  titleId: string
  /** Absent: a new profile. */
  profile?: ProfileSummary
  onClose(): void
}

export function ProfileForm({ titleId, profile, onClose }: ProfileFormProps) {
  const form = useProfileForm(profile, onClose)
  const id = useId()
  const { fields } = form
  const text = (name: Exclude<FieldName, 'sslmode'>) => ({
    id: `${id}-${name}`,
    value: fields[name],
    onValue: (value: string) => form.update(name, value),
    invalid: form.invalidFields.includes(name),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void form.save()
  }
  const passwordHelp = profile?.hasSessionPassword
    ? 'Leave empty to keep the password entered earlier. Kept in memory for this run only.'
    : 'Optional. Kept in memory for this run only, never written to disk.'

  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <h2 id={titleId} className="modal-title">
        {profile ? `Edit profile “${profile.name}”` : 'Add connection profile'}
      </h2>
      <div className="form-grid">
        <TextField
          {...text('name')}
          label="Name"
          placeholder="e.g. orders primary"
          autoComplete="off"
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
          error={form.portError}
        />
        <TextField {...text('database')} label="Database" autoComplete="off" />
        <TextField {...text('user')} label="User" autoComplete="off" />
        <TextField
          {...text('password')}
          label="Password"
          type="password"
          autoComplete="off"
          help={passwordHelp}
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
            aria-invalid={form.invalidFields.includes('sslmode') || undefined}
          >
            {sslModes.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-feedback">
        {form.testing && (
          <p className="progress" role="status">
            <Spinner /> Testing connection…
          </p>
        )}
        {form.test && <TestResult outcome={form.test} testId="form-test-result" />}
        {form.saveError && <FormError error={form.saveError} />}
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
