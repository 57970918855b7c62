/**
 * Drain: stop handing out connections and let those in use come back, with a deadline (or
 * none) and what happens to stragglers when it passes: cancel their queries, terminate them, or
 * resume. The form is checked as the contract checks it before anything is sent.
 */
import { useId, useState, type FormEvent } from 'react'
import { drainDeadlineChoices } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { runDrain } from './control-commands'
import {
  deadlineChoiceLabels,
  defaultDrainForm,
  drainRequest,
  isDeadlineChoice,
  MAX_DEADLINE_S,
  MIN_DEADLINE_S,
  type DrainForm,
} from './drain-model'

export function DrainDialog({ profileId }: { profileId: string }) {
  const profile = useStore(selectors.profiles.byId(profileId))
  const pool = useStore(selectors.statuses.pool(profileId))
  const close = useStore((s) => s.closeDrain)
  const api = useApi()
  const id = useId()
  const [form, setForm] = useState<DrainForm>(defaultDrainForm)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [pending, setPending] = useState(false)
  if (!profile) return null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = drainRequest(profileId, form)
    if (!checked.ok) {
      setFieldError(checked.message)
      return
    }
    setFieldError(null)
    setError(null)
    setPending(true)
    const failed = await runDrain(api, checked.request, useStore.getState())
    setPending(false)
    if (failed) setError(failed)
    else close()
  }

  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-what`} onCancel={close}>
      <form onSubmit={(e) => void submit(e)} data-testid="drain-dialog" noValidate>
        <h2 id={`${id}-title`} className="modal-title">
          Drain “{profile.name}”
        </h2>
        <p id={`${id}-what`} className="modal-body">
          The pool stops handing out connections; the {pool.active} in use now can finish and come
          back. Callers waiting for one get “pool is draining”.
        </p>
        <div className="field-block">
          <label className="check">
            <input
              type="checkbox"
              checked={form.noDeadline}
              onChange={(e) => setForm({ ...form, noDeadline: e.target.checked })}
            />
            No deadline (wait for every connection)
          </label>
          <div className="field">
            <label htmlFor={`${id}-deadline`}>Deadline (seconds)</label>
            <input
              id={`${id}-deadline`}
              inputMode="decimal"
              value={form.deadlineSeconds}
              disabled={form.noDeadline}
              aria-invalid={fieldError !== null}
              aria-describedby={`${id}-deadline-help${fieldError ? ` ${id}-deadline-error` : ''}`}
              onChange={(e) => setForm({ ...form, deadlineSeconds: e.target.value })}
              data-autofocus
            />
            <div id={`${id}-deadline-help`} className="field-help">
              Between {MIN_DEADLINE_S} and {MAX_DEADLINE_S} s.
            </div>
            {fieldError && (
              <div id={`${id}-deadline-error`} className="field-error" data-testid="drain-error">
                {fieldError}
              </div>
            )}
          </div>
        </div>
        <fieldset className="choice-group" disabled={form.noDeadline}>
          <legend>At the deadline, connections still in use:</legend>
          {drainDeadlineChoices.map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={choice}
                checked={form.onDeadline === choice}
                onChange={(e) =>
                  isDeadlineChoice(e.target.value) &&
                  setForm({ ...form, onDeadline: e.target.value })
                }
              />
              <span>
                <strong>{deadlineChoiceLabels[choice].title}</strong>
                <span className="field-help"> {deadlineChoiceLabels[choice].help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && <ErrorMessage error={error} testId="drain-failed" />}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
            {pending && <Spinner />}
            Start drain
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
