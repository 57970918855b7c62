/**
 * Creating the history tables, after the DBA agreed: it says exactly what Lifeguard creates and
 * where (schema lifeguard, lifeguard.pool_snapshots, lifeguard.applied_operations) before it
 * does anything; the profile must be connected.
 */
import { useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { connectionTarget } from '../../lib/format'
import { useStore } from '../../stores/store'

export function HistoryTablesConsent({
  profile,
  ready,
}: {
  profile: ProfileSummary
  ready: boolean
}) {
  const api = useApi()
  const [asking, setAsking] = useState(false)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const create = async () => {
    setPending(true)
    setError(null)
    const result = await api.createHistoryTables({ create: true })
    setPending(false)
    if (!result.ok) return setError(result.error)
    useStore.getState().setHistorySink(result.data)
    setAsking(false)
  }
  return (
    <div data-testid="history-tables" data-ready={ready}>
      <p>
        <strong>Tables:</strong>{' '}
        {ready ? (
          <>
            <span aria-hidden="true">✓ </span>ready in lifeguard.pool_snapshots
          </>
        ) : (
          <>
            <span aria-hidden="true">– </span>not created yet: no snapshot is taken until they exist
          </>
        )}
      </p>
      {!asking && (
        <button type="button" className="btn" onClick={() => setAsking(true)}>
          {ready ? 'Create the tables again…' : 'Create the tables…'}
        </button>
      )}
      {asking && (
        <div
          className="history-consent"
          role="group"
          aria-label="Create the history tables"
          data-testid="history-consent"
        >
          <p>
            In <span className="mono">{connectionTarget(profile)}</span> Lifeguard will create, if
            they are not there:
          </p>
          <ul className="message-list">
            <li>
              the schema <span className="mono">lifeguard</span>;
            </li>
            <li>
              the table <span className="mono">lifeguard.pool_snapshots</span>, one row per profile
              and snapshot: names and figures only, never a password, address or query text;
            </li>
            <li>
              the table <span className="mono">lifeguard.applied_operations</span>, so replay never
              writes a snapshot twice (exactly once).
            </li>
          </ul>
          <p>Nothing else is changed. The profile must be connected.</p>
          {error && <ErrorMessage error={error} testId="history-tables-error" />}
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void create()}
              disabled={pending}
              aria-busy={pending}
            >
              {pending && <Spinner />}
              Create the tables
            </button>
            <button type="button" className="btn" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
