/**
 * The history sink: which profile's database stores a metrics snapshot of every connected profile,
 * and how often. Snapshots go through that profile's durable write queue, so an outage of the sink
 * loses none. Its tables are created only after the DBA agreed, with the exact list of what is
 * created and where.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { clockTime } from '../../lib/countdown'
import { formatRoute, profileRoute } from '../../lib/route'
import { selectors, useStore } from '../../stores/store'
import { HistoryTablesConsent } from './history-tables-consent'
import { parseIntervalSeconds, sinkSummary } from './history-sink-model'

export function HistorySinkDialog({ onClose }: { onClose(): void }) {
  const api = useApi()
  const id = useId()
  const preferences = useStore(selectors.cockpit.preferences)
  const status = useStore(selectors.cockpit.historySink)
  const profiles = useStore(selectors.profiles.profiles)
  const current = preferences?.historySink ?? { profileId: null, intervalMs: 10_000 }
  const [profileId, setProfileId] = useState<string>(current.profileId ?? '')
  const [seconds, setSeconds] = useState(String(current.intervalMs / 1000))
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const interval = parseIntervalSeconds(seconds)
  const sink = profiles.find((p) => p.id === status?.profileId)

  useEffect(() => {
    void api.getHistorySink({}).then((r) => {
      if (r.ok) useStore.getState().setHistorySink(r.data)
    })
  }, [api])

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!interval.ok) return
    setPending(true)
    setError(null)
    const result = await api.setPreferences({
      historySink: { profileId: profileId === '' ? null : profileId, intervalMs: interval.ms },
    })
    setPending(false)
    if (!result.ok) return setError(result.error)
    useStore.getState().setPreferences(result.data)
  }

  const changed =
    (profileId === '' ? null : profileId) !== current.profileId ||
    (interval.ok && interval.ms !== current.intervalMs)
  return (
    <ModalDialog labelledBy={`${id}-t`} onCancel={onClose}>
      <div data-testid="history-sink-dialog">
        <h2 id={`${id}-t`} className="modal-title">
          History sink
        </h2>
        <p className="muted history-intro">
          Lifeguard writes a metrics snapshot of every connected profile (pool figures, wait
          percentiles, health, server connections, queue depth) into a database you choose, through
          that profile’s write queue: while it is down, snapshots wait on disk and land later, in
          order, none lost and none twice.
        </p>
        <form className="history-form" onSubmit={(e) => void save(e)}>
          <div className="field">
            <label htmlFor={`${id}-p`}>History profile</label>
            <select
              id={`${id}-p`}
              value={profileId}
              onChange={(e) => setProfileId(e.target.value)}
              data-testid="history-sink-profile"
            >
              <option value="">None (off)</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-i`}>Snapshot every (seconds)</label>
            <input
              id={`${id}-i`}
              inputMode="numeric"
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
              aria-invalid={!interval.ok}
              data-testid="history-sink-interval"
            />
            {!interval.ok && <p className="field-error">{interval.message}</p>}
            <p className="field-help">Default 10 s.</p>
          </div>
          <div className="row">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || !interval.ok || !changed}
              aria-busy={pending}
            >
              {pending && <Spinner />}
              Save
            </button>
          </div>
        </form>
        {error && <ErrorMessage error={error} testId="history-sink-error" />}
        <section className="history-status" aria-label="History sink status">
          <p data-testid="history-sink-summary">
            <strong>Now:</strong> {sinkSummary(status, sink?.name)}
          </p>
          {status?.lastSnapshotAt != null && (
            <p className="muted">Last snapshot queued at {clockTime(status.lastSnapshotAt)}.</p>
          )}
          {status?.lastError && (
            <ErrorMessage error={status.lastError} title="The last snapshot was not queued" />
          )}
          {status && sink && (
            <>
              <HistoryTablesConsent profile={sink} ready={status.tablesReady} />
              <p>
                <a href={formatRoute(profileRoute(sink.id, 'queue'))} onClick={onClose}>
                  Open the queue of “{sink.name}”
                </a>
              </p>
            </>
          )}
        </section>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
