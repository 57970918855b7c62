import { useId, useState, type FormEvent } from 'react'
import type { SecretStorageInfo } from '../../../../shared/domain'
import { RememberPassword } from '../../components/remember-password'

interface PasswordPromptProps {
  user: string
  pending: boolean
  /** Whether passwords can be stored here (null until main said). */
  secretStorage: SecretStorageInfo | null
  onSubmit(password: string, remember: boolean): void
  onCancel(): void
}

/** Asks for a profile's password when main has none (typed, stored, .pgpass or command). */
export function PasswordPrompt({
  user,
  pending,
  secretStorage,
  onSubmit,
  onCancel,
}: PasswordPromptProps) {
  const [password, setPassword] = useState('')
  const [remember, setRemember] = useState(false)
  const id = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(password, remember && secretStorage?.available === true)
  }
  return (
    <form className="password-prompt" onSubmit={submit} data-testid="password-prompt">
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={`${id}-help`}
          autoFocus
        />
        <div id={`${id}-help`} className="field-help">
          For user {user}. Kept in memory for this run unless remembered.
        </div>
      </div>
      <RememberPassword
        id={`${id}-remember`}
        checked={remember}
        onChange={setRemember}
        secretStorage={secretStorage}
      />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
          Connect
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
