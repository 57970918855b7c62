import type { SecretStorageInfo } from '../../../shared/domain'

interface RememberPasswordProps {
  id: string
  checked: boolean
  onChange(checked: boolean): void
  /** Null until main said whether it can store passwords. */
  secretStorage: SecretStorageInfo | null
  /** A password is stored encrypted for this profile already. */
  passwordStored?: boolean
}

/** Why passwords cannot be stored here, in one sentence. */
export function storageUnavailableText(secretStorage: SecretStorageInfo | null): string {
  if (!secretStorage) return 'Checking whether passwords can be stored here…'
  const reason = secretStorage.reason?.trim()
  return reason ? reason : 'Passwords cannot be stored encrypted here.'
}

/**
 * "Remember password": stores the password encrypted by the operating system's keyring. Disabled,
 * with the reason beside it, where that is not possible (browser mode, Linux without a keyring).
 */
export function RememberPassword({
  id,
  checked,
  onChange,
  secretStorage,
  passwordStored = false,
}: RememberPasswordProps) {
  const available = secretStorage?.available === true
  const backend = secretStorage?.backend ?? 'the system keyring'
  return (
    <div className="check-field" data-testid="remember-password">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!available}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={`${id}-note`}
        />
        Remember password
      </label>
      <div id={`${id}-note`} className="field-help">
        {passwordStored && (
          <span className="stored-note" data-testid="password-stored">
            <span aria-hidden="true">✓ </span>
            Stored encrypted ({backend}).{' '}
          </span>
        )}
        {available ? (
          <span>Encrypted with {backend}; otherwise kept in memory for this run only.</span>
        ) : (
          <span data-testid="remember-unavailable">{storageUnavailableText(secretStorage)}</span>
        )}
      </div>
    </div>
  )
}
