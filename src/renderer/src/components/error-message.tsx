import type { ErrorInfo } from '../../../shared/result'
import { errorHint, errorTitle } from '../lib/error-text'

/** Icon, headline, main's own message (as plain text) and a hint if there is one. */
export function ErrorBody({ error, title }: { error: ErrorInfo; title?: string }) {
  const hint = errorHint(error)
  return (
    <>
      <span className="message-icon" aria-hidden="true">
        ✕
      </span>
      <div>
        <strong>{title ?? errorTitle(error)}</strong>: {error.message}
        {hint && <div className="message-hint">{hint}</div>}
      </div>
    </>
  )
}

export function ErrorMessage({
  error,
  testId,
  title,
}: {
  error: ErrorInfo
  testId?: string
  /** Replaces the headline derived from the error code. */
  title?: string
}) {
  return (
    <div className="message message-error" role="alert" data-testid={testId} data-code={error.code}>
      <ErrorBody error={error} title={title} />
    </div>
  )
}
