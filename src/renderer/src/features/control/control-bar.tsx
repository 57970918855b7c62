/**
 * The profile view's control bar: Drain…, Resume, Shut down…, Reconnect now, the pool's state
 * in words, and Export metrics…; a command that does not fit the pool's state is disabled with
 * the reason as its tooltip. Each is also in the command palette. Below it, a drain's progress.
 */
import { useState } from 'react'
import { poolPaused, type PoolStateName } from '../../../../shared/cockpit'
import type { ConnectionState } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { controlLabels, controlUnavailable, runReconnect, runResume } from './control-commands'
import { DrainProgressBar } from './drain-progress'

export function ControlBar({ profileId }: { profileId: string }) {
  const api = useApi()
  const status = useStore(selectors.statuses.status(profileId))
  const openDrain = useStore((s) => s.openDrain)
  const askToShutdown = useStore((s) => s.askToShutdown)
  const openExport = useStore((s) => s.openExport)
  const [pending, setPending] = useState<'resume' | 'reconnect' | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const run = async (command: 'resume' | 'reconnect') => {
    setPending(command)
    setError(null)
    const store = useStore.getState()
    const failed =
      command === 'resume'
        ? await runResume(api, profileId, store)
        : await runReconnect(api, profileId, store)
    setPending(null)
    setError(failed)
  }

  const why = (command: 'drain' | 'resume' | 'shutdown' | 'reconnect') =>
    controlUnavailable(command, status)

  return (
    <div className="control-area">
      <div className="control-bar" role="toolbar" aria-label="Pool control">
        <button
          type="button"
          className="btn"
          onClick={() => openDrain(profileId)}
          disabled={why('drain') !== null}
          title={why('drain') ?? 'Stop handing out connections and let those in use come back'}
        >
          {controlLabels.drain}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void run('resume')}
          disabled={why('resume') !== null || pending !== null}
          aria-busy={pending === 'resume'}
          title={why('resume') ?? 'Hand out connections again'}
        >
          {pending === 'resume' && <Spinner />}
          {controlLabels.resume}
        </button>
        <button
          type="button"
          className="btn btn-danger-text"
          onClick={() => askToShutdown(profileId)}
          disabled={why('shutdown') !== null}
          title={why('shutdown') ?? 'Close the pool now, ending connections in use'}
        >
          {controlLabels.shutdown}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void run('reconnect')}
          disabled={why('reconnect') !== null || pending !== null}
          aria-busy={pending === 'reconnect'}
          title={why('reconnect') ?? 'Probe (or reconnect) now, skipping the backoff wait'}
        >
          {pending === 'reconnect' && <Spinner />}
          {controlLabels.reconnect}
        </button>
        {status?.poolState && showsPoolState(status.state, status.poolState) && (
          <span className="muted" data-testid="pool-state" data-pool-state={status.poolState}>
            Pool {status.poolState}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => openExport({ profileId })}>
          Export metrics…
        </button>
      </div>
      {error && <ErrorMessage error={error} testId="control-error" />}
      {status?.drain && <DrainProgressBar drain={status.drain} />}
    </div>
  )
}

/**
 * The pool's own state beside the controls: while connected; and while draining or drained
 * whatever the database does (a drained pool stays drained through an outage until Resume).
 */
function showsPoolState(state: ConnectionState, pool: PoolStateName): boolean {
  return state === 'connected' || poolPaused(pool)
}
