import { useState } from 'react'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { useStore } from '../../stores/store'

/** No profiles yet: try the local demo in one click, or add a real server. */
export function EmptyState() {
  const api = useApi()
  const openCreateForm = useStore((s) => s.openCreateForm)
  const openImport = useStore((s) => s.openImport)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const startDemo = async () => {
    setStarting(true)
    setError(null)
    const result = await api.startDemo({})
    setStarting(false)
    if (!result.ok) setError(result.error)
  }

  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No connection profiles yet</h2>
      <p>
        Lifeguard keeps a small connection pool to each PostgreSQL server you add and shows, live,
        how many connections are open, busy, idle and waiting.
      </p>
      <p className="muted">
        The local demo starts a private PostgreSQL on this machine with a light workload, so you can
        see it working without touching a real server.
      </p>
      <div className="empty-actions">
        <button
          type="button"
          className="btn btn-primary btn-large"
          onClick={() => void startDemo()}
          disabled={starting}
          aria-busy={starting}
        >
          Start local demo
        </button>
        <button type="button" className="btn btn-large" onClick={openCreateForm}>
          Add profile
        </button>
        <button type="button" className="btn btn-large" onClick={openImport}>
          Import…
        </button>
      </div>
      {starting && (
        <p className="progress" role="status" data-testid="demo-progress">
          <Spinner /> Starting local demo… (the first start initialises a database and can take a
          few seconds)
        </p>
      )}
      {error && <ErrorMessage error={error} testId="demo-error" />}
    </section>
  )
}
