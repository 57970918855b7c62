/**
 * The load lab: a synthetic workload through this profile's pool (N clients, a target rate, a
 * SELECT 1 or pg_sleep query, optionally a planted leak every N s held for a while), to see how
 * the pool's settings behave under load. Live figures come from workload:changed.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { WorkloadStatus } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import {
  defaultWorkload,
  draftOf,
  settingsOf,
  type LoadLabDraft,
  type LoadLabField,
} from './loadlab-form'

export function LoadLab({ profileId }: { profileId: string }) {
  const api = useApi()
  const id = useId()
  const status = useStore(selectors.cockpit.workload(profileId))
  const state = useStore(selectors.statuses.state(profileId))
  const [draft, setDraft] = useState<LoadLabDraft>(() =>
    draftOf(status?.settings ?? defaultWorkload),
  )
  const [errors, setErrors] = useState<Partial<Record<LoadLabField, string>>>({})
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [pending, setPending] = useState(false)

  useEffect(() => {
    let live = true
    void api.getWorkload({ id: profileId }).then(
      (result) => {
        if (!live) return
        if (result.ok) {
          useStore.getState().setWorkload(result.data)
          setDraft(draftOf(result.data.settings))
        } else setLoadError(result.error)
      },
      (e: unknown) => live && setLoadError({ code: 'internal', message: String(e) }),
    )
    return () => {
      live = false
    }
  }, [api, profileId])

  const apply = async (enabled: boolean) => {
    const checked = settingsOf(draft, enabled)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    setError(null)
    setPending(true)
    const result = await api.setWorkload({ id: profileId, settings: checked.settings })
    setPending(false)
    if (result.ok) useStore.getState().setWorkload(result.data)
    else setError(result.error)
  }

  const running = status?.running ?? false
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void apply(true)
  }
  const field = (name: LoadLabField, label: string, help: string, disabled = false) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        inputMode="decimal"
        value={draft[name]}
        disabled={disabled}
        aria-invalid={errors[name] !== undefined}
        aria-describedby={`${id}-${name}-help`}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
      <div
        id={`${id}-${name}-help`}
        className={errors[name] ? 'field-error' : 'field-help'}
        data-testid={errors[name] ? `loadlab-error-${name}` : undefined}
      >
        {errors[name] ?? help}
      </div>
    </div>
  )

  return (
    <section className="load-lab" data-testid="load-lab" aria-labelledby={`${id}-title`}>
      <div className="tab-bar">
        <h3 id={`${id}-title`}>Load lab</h3>
        <span
          className={running ? 'lab-state lab-running' : 'lab-state'}
          data-testid="loadlab-state"
        >
          <span aria-hidden="true">{running ? '▶ ' : '■ '}</span>
          {running ? 'Running' : 'Stopped'}
        </span>
      </div>
      <p className="muted">
        Runs virtual clients through this profile’s pool so you can see how its settings behave
        under load before changing production.
      </p>
      {loadError && (
        <ErrorMessage error={loadError} testId="loadlab-load-error" title="Load lab unavailable" />
      )}
      <form className="lab-form" onSubmit={submit} noValidate>
        <div className="lab-grid">
          {field(
            'clients',
            'Clients',
            'Virtual clients, each running one query at a time (1–200).',
          )}
          {field('ratePerSecond', 'Rate (queries/s)', 'Target over all clients (0.1–10000 /s).')}
          <div className="field">
            <label htmlFor={`${id}-query`}>Query</label>
            <select
              id={`${id}-query`}
              value={draft.query}
              onChange={(e) =>
                setDraft({ ...draft, query: e.target.value === 'sleep' ? 'sleep' : 'select-1' })
              }
            >
              <option value="select-1">SELECT 1</option>
              <option value="sleep">pg_sleep (a chosen length)</option>
            </select>
          </div>
          {field('sleepMs', 'Sleep (ms)', 'How long each pg_sleep runs.', draft.query !== 'sleep')}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.leak}
            onChange={(e) => setDraft({ ...draft, leak: e.target.checked })}
          />
          Plant a leak: hold one connection without releasing it every N seconds
        </label>
        <div className="lab-grid">
          {field('leakEverySeconds', 'Leak every (s)', '1–86400 s.', !draft.leak)}
          {field(
            'leakHoldMs',
            'Hold time (ms)',
            'How long a planted leak is held before it is given back.',
            !draft.leak,
          )}
        </div>
        {error && <ErrorMessage error={error} testId="loadlab-error" />}
        <div className="row">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={pending || state !== 'connected'}
            aria-busy={pending}
            title={state !== 'connected' ? 'Connect the profile first' : undefined}
          >
            {pending && <Spinner />}
            {running ? 'Apply' : 'Start'}
          </button>
          {running && (
            <button
              type="button"
              className="btn"
              onClick={() => void apply(false)}
              disabled={pending}
            >
              Stop
            </button>
          )}
        </div>
      </form>
      {status && <LabFigures status={status} />}
    </section>
  )
}

function LabFigures({ status }: { status: WorkloadStatus }) {
  return (
    <>
      <dl className="facts-grid" data-testid="loadlab-figures">
        <div>
          <dt>Completed</dt>
          <dd className="num" data-testid="loadlab-completed">
            {status.completed}
          </dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={`num${status.failed > 0 ? ' figure-alert' : ''}`}>{status.failed}</dd>
        </div>
        <div>
          <dt>Achieved rate</dt>
          <dd className="num" data-testid="loadlab-rate">
            {status.achievedRatePerSecond.toFixed(1)} /s
          </dd>
        </div>
        <div>
          <dt>Leaks held</dt>
          <dd className="num" data-testid="loadlab-leaks-held">
            {status.leaksHeld} <span className="muted">({status.leaksPlanted} planted)</span>
          </dd>
        </div>
      </dl>
      {status.lastError && (
        <ErrorMessage
          error={status.lastError}
          testId="loadlab-last-error"
          title="Last workload error"
        />
      )}
    </>
  )
}
