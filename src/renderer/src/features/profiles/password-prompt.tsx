import { useId, useState, type FormEvent } from 'react'

interface PasswordPromptProps {
  user: string
  pending: boolean
  onSubmit(password: string): void
  onCancel(): void
}

/** Asks for a profile's password when main has none for this run (passwords are not stored). */
export function PasswordPrompt({ user, pending, onSubmit, onCancel }: PasswordPromptProps) {
  const [password, setPassword] = useState('')
  const id = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(password)
  }
  return (
    <form className="password-prompt" onSubmit={submit}>
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
          For user {user}. Kept in memory for this run only, never written to disk.
        </div>
      </div>
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
