import type { ConnectionTestResult } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/result'
import { formatMs } from '../lib/format'
import { ErrorBody } from './error-message'

export type TestOutcome = { ok: true; data: ConnectionTestResult } | { ok: false; error: ErrorInfo }

/** The outcome of "Test connection", for the form and for a card. */
export function TestResult({ outcome, testId }: { outcome: TestOutcome; testId: string }) {
  if (!outcome.ok)
    return (
      <div
        className="message message-error"
        role="status"
        data-testid={testId}
        data-ok="false"
        data-code={outcome.error.code}
      >
        <ErrorBody error={outcome.error} />
      </div>
    )
  const { serverVersion, latencyMs } = outcome.data
  return (
    <div className="message message-ok" role="status" data-testid={testId} data-ok="true">
      <span className="message-icon" aria-hidden="true">
        ✓
      </span>
      <div>
        Connected: PostgreSQL {serverVersion}, round trip {formatMs(latencyMs)}
      </div>
    </div>
  )
}
