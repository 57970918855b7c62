import type { ErrorInfo } from '../../../../shared/result'
import { errorTitle } from '../../lib/error-text'
import { readValidationMessage } from './form-model'

/** Why Save was refused; validation problems one per line, as main worded them. */
export function FormError({ error }: { error: ErrorInfo }) {
  const lines =
    error.code === 'validation' ? readValidationMessage(error.message).lines : [error.message]
  return (
    <div
      className="message message-error"
      role="alert"
      data-testid="form-error"
      data-code={error.code}
    >
      <span className="message-icon" aria-hidden="true">
        ✕
      </span>
      <div>
        <strong>{error.code === 'validation' ? 'Please correct' : errorTitle(error)}</strong>
        {lines.length === 1 ? (
          <>: {lines[0]}</>
        ) : (
          <ul className="message-list">
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
