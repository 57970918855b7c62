/**
 * Submit a write: a statement with $n parameters (given as a JSON array). It runs at once when the
 * database can take it and nothing is queued ahead of it; otherwise main answers 'unavailable'
 * with the reason, and the form asks "Queue it and replay when the database is back?". Yes sends
 * it again with queueIfUnavailable: it is acknowledged only once it is on disk.
 */
import { useId, useState, type FormEvent } from 'react'
import type { QueueParam, SubmitOutcome } from '../../../../shared/queue'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { parseParams, submitDoneText } from './queue-model'

type Pending = { sql: string; params: QueueParam[]; reason: ErrorInfo }

export function SubmitWriteForm({ profileId, onDone }: { profileId: string; onDone(): void }) {
  const api = useApi()
  const id = useId()
  const [sql, setSql] = useState('')
  const [paramsText, setParamsText] = useState('')
  const [busy, setBusy] = useState(false)
  const [ask, setAsk] = useState<Pending | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const parsed = parseParams(paramsText)

  const send = async (statement: string, params: QueueParam[], queueIfUnavailable: boolean) => {
    setBusy(true)
    setError(null)
    setDone(null)
    const result = await api.submitWrite({
      id: profileId,
      sql: statement,
      params,
      queueIfUnavailable,
    })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    const outcome: SubmitOutcome = result.data
    if (outcome.outcome === 'unavailable') {
      setAsk({ sql: statement, params, reason: outcome.reason })
      return
    }
    setAsk(null)
    setDone(submitDoneText(outcome))
    setSql('')
    setParamsText('')
    onDone()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.ok || sql.trim() === '') return
    void send(sql, parsed.params, false)
  }

  return (
    <section className="queue-submit" aria-labelledby={`${id}-h`} data-testid="queue-submit">
      <h4 id={`${id}-h`}>Submit a write</h4>
      <form onSubmit={submit} className="queue-submit-form">
        <label htmlFor={`${id}-sql`}>Statement (one, with $1, $2 … for parameters)</label>
        <textarea
          id={`${id}-sql`}
          className="mono"
          rows={3}
          value={sql}
          placeholder="UPDATE accounts SET frozen = true WHERE id = $1"
          onChange={(e) => {
            setSql(e.target.value)
            setAsk(null)
          }}
          data-testid="queue-submit-sql"
        />
        <label htmlFor={`${id}-params`}>Parameters as a JSON array</label>
        <input
          id={`${id}-params`}
          className="mono"
          value={paramsText}
          placeholder='[42, "text", null]'
          onChange={(e) => {
            setParamsText(e.target.value)
            setAsk(null)
          }}
          aria-invalid={!parsed.ok}
          data-testid="queue-submit-params"
        />
        {!parsed.ok && <p className="field-error">{parsed.message}</p>}
        <div className="row">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !parsed.ok || sql.trim() === ''}
            aria-busy={busy}
          >
            {busy && !ask && <Spinner />}
            Submit
          </button>
        </div>
      </form>
      {ask && (
        <div className="message message-warning queue-ask" role="alert" data-testid="queue-ask">
          <span className="message-icon" aria-hidden="true">
            ?
          </span>
          <div>
            <p>
              <strong>The database cannot take this write now</strong>: {ask.reason.message}
            </p>
            <p>Queue it and replay when the database is back? It is kept on disk until then.</p>
            <div className="row">
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void send(ask.sql, ask.params, true)}
              >
                {busy && <Spinner />}
                Queue it
              </button>
              <button type="button" className="btn" onClick={() => setAsk(null)}>
                Don’t queue
              </button>
            </div>
          </div>
        </div>
      )}
      {done && (
        <p className="message message-ok" role="status" data-testid="queue-submit-done">
          <span className="message-icon" aria-hidden="true">
            ✓
          </span>
          <span>{done}</span>
        </p>
      )}
      {error && <ErrorMessage error={error} testId="queue-submit-error" />}
    </section>
  )
}
