import type { InputHTMLAttributes } from 'react'

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'onChange' | 'value'
> {
  id: string
  label: string
  value: string
  onValue(value: string): void
  invalid?: boolean
  /** Shown under the input, and announced with it. */
  error?: string | null
  help?: string
}

/** A labelled input (label bound by id, so it is findable by its label). */
export function TextField({
  id,
  label,
  value,
  onValue,
  invalid,
  error,
  help,
  ...input
}: TextFieldProps) {
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={invalid || Boolean(error) || undefined}
        aria-describedby={describedBy || undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        {...input}
      />
      {error && (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      )}
      {help && (
        <div id={`${id}-help`} className="field-help">
          {help}
        </div>
      )}
    </div>
  )
}
