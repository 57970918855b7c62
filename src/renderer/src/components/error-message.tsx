import type { ErrorInfo } from '../../../shared/result'
import { errorHint, errorTitle } from '../lib/error-text'

/** Icon, headline, main's own message (as plain text) and a hint if there is one. */
export function ErrorBody({ error }: { error: ErrorInfo }) {
  const hint = errorHint(error)
  return (
    <>
      <span className="message-icon" aria-hidden="true">
        ✕
      </span>
      <div>
        <strong>{errorTitle(error)}</strong>: {error.message}
        {hint && <div className="message-hint">{hint}</div>}
      </div>
    </>
  )
}

export function ErrorMessage({ error, testId }: { error: ErrorInfo; testId?: string }) {
  return (
    <div className="message message-error" role="alert" data-testid={testId} data-code={error.code}>
      <ErrorBody error={error} />
    </div>
  )
}
