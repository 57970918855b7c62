/**
 * The operation replay stopped at, and the DBA's three answers: Retry (now), Skip (it is moved
 * aside with its error, kept and exportable) or Edit (a corrected statement and its parameters,
 * then retry; not for a history snapshot, whose values are Lifeguard's own). The statement and
 * the server's error are data: shown as text.
 */
import { useId, useState } from 'react'
import type { QueueOperationView, QueueStatus, QueueView } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { parseParams, paramsText } from './queue-model'

const whyText = {
  'permanent-error': 'a permanent error',
  'attempts-exhausted':
    'its attempts ran out (replay tries again by itself when the database is healthy again)',
  'exactly-once-table': 'lifeguard.applied_operations cannot be created or used',
} as const

interface BlockedPanelProps {
  profileId: string
  blocked: NonNullable<QueueStatus['blocked']>
  operation: QueueOperationView | undefined
  onView(view: QueueView): void
}

export function BlockedPanel({ profileId, blocked, operation, onView }: BlockedPanelProps) {
  const api = useApi()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [sql, setSql] = useState(operation?.sql ?? '')
  const [params, setParams] = useState(paramsText(operation?.params))
  const [pending, setPending] = useState<'retry' | 'skip' | 'edit' | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const parsed = parseParams(params)

  const act = async (action: 'retry' | 'skip' | 'edit') => {
    setPending(action)
    setError(null)
    const base = { id: profileId, operationId: blocked.operationId }
    const result =
      action === 'edit'
        ? await api.resolveQueued({
            ...base,
            action,
            sql,
            params: parsed.ok ? parsed.params : [],
          })
        : await api.resolveQueued({ ...base, action })
    setPending(null)
    if (!result.ok) return setError(result.error)
    setEditing(false)
    onView(result.data)
  }

  const startEdit = () => {
    setSql(operation?.sql ?? '')
    setParams(paramsText(operation?.params))
    setEditing(true)
  }

  return (
    <section
      className="queue-blocked message message-error"
      role="alert"
      data-testid="queue-blocked"
    >
      <span className="message-icon" aria-hidden="true">
        ⊘
      </span>
      <div className="queue-blocked-body">
        <p>
          <strong>Replay stopped at operation {blocked.operationId}</strong> because of{' '}
          {whyText[blocked.why ?? 'permanent-error']}:
        </p>
        <p className="mono" data-testid="queue-blocked-error">
          {blocked.error.message}
        </p>
        {operation && !editing && (
          <pre className="mono queue-statement" data-testid="queue-blocked-sql">
            {operation.sql}
          </pre>
        )}
        {editing && (
          <div className="queue-edit" data-testid="queue-edit">
            <label htmlFor={`${id}-sql`}>Statement</label>
            <textarea
              id={`${id}-sql`}
              className="mono"
              rows={4}
              value={sql}
              onChange={(e) => setSql(e.target.value)}
            />
            <label htmlFor={`${id}-params`}>Parameters ($1, $2 …) as a JSON array</label>
            <input
              id={`${id}-params`}
              className="mono"
              value={params}
              onChange={(e) => setParams(e.target.value)}
              aria-invalid={!parsed.ok}
            />
            {!parsed.ok && <p className="field-error">{parsed.message}</p>}
          </div>
        )}
        {error && <ErrorMessage error={error} testId="queue-resolve-error" />}
        <div className="row">
          {editing ? (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending !== null || !parsed.ok || sql.trim() === ''}
                onClick={() => void act('edit')}
              >
                {pending === 'edit' && <Spinner />}
                Save and retry
              </button>
              <button type="button" className="btn" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending !== null}
                onClick={() => void act('retry')}
              >
                {pending === 'retry' && <Spinner />}
                Retry
              </button>
              <button
                type="button"
                className="btn"
                disabled={pending !== null}
                onClick={() => void act('skip')}
                title="Moves it aside with its error: kept, listed, exportable, can be requeued"
              >
                {pending === 'skip' && <Spinner />}
                Skip
              </button>
              {operation?.kind !== 'history-snapshot' && (
                <button
                  type="button"
                  className="btn"
                  disabled={pending !== null}
                  onClick={startEdit}
                >
                  Edit…
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  )
}
