/**
 * Export a metrics snapshot of one profile or all, as JSON, CSV or Prometheus text (with a
 * range for JSON and CSV). Browser mode downloads main's export; the desktop shell asks main to
 * save it through its save dialog and says where it went, or that it was cancelled.
 */
import { useId, useState, type FormEvent } from 'react'
import { historyRanges, type HistoryRange } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { ModalDialog } from '../../components/modal-dialog'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import type { ExportTarget } from '../../stores/slices/ui-slice'
import { rangeSpecs } from '../overview/series-buffer'
import {
  download,
  exportFormats,
  exportRequest,
  formatLabels,
  type ExportChoice,
  type ExportFormat,
} from './export-model'

export function ExportDialog({ target }: { target: ExportTarget }) {
  const api = useApi()
  const id = useId()
  const shell = useStore(selectors.app.shell)
  const profile = useStore(selectors.profiles.byId(target.profileId ?? ''))
  const count = useStore(selectors.profiles.count)
  const close = useStore((s) => s.closeExport)
  const showToast = useStore((s) => s.showToast)
  const [choice, setChoice] = useState<ExportChoice>({
    profileId: target.profileId,
    format: 'json',
    range: '1h',
  })
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setPending(true)
    setError(null)
    const request = exportRequest(choice)
    if (shell === 'desktop') {
      const result = await api.saveMetrics(request)
      setPending(false)
      if (!result.ok) return setError(result.error)
      showToast(
        result.data.saved ? 'ok' : 'info',
        result.data.saved
          ? `Saved ${result.data.fileName} (${result.data.bytes} bytes)`
          : 'Export cancelled: nothing was saved',
      )
      close()
      return
    }
    const result = await api.exportMetrics(request)
    setPending(false)
    if (!result.ok) return setError(result.error)
    const name = download(result.data, choice.format)
    showToast('ok', `Downloaded ${name}`)
    close()
  }

  const scopeName = `${id}-scope`
  return (
    <ModalDialog labelledBy={`${id}-title`} onCancel={close}>
      <form onSubmit={(e) => void submit(e)} data-testid="export-dialog">
        <h2 id={`${id}-title`} className="modal-title">
          Export metrics
        </h2>
        <fieldset className="choice-group">
          <legend>Profiles</legend>
          {profile && (
            <label className="choice">
              <input
                type="radio"
                name={scopeName}
                checked={choice.profileId !== null}
                onChange={() => setChoice({ ...choice, profileId: profile.id })}
              />
              <span>Only “{profile.name}”</span>
            </label>
          )}
          <label className="choice">
            <input
              type="radio"
              name={scopeName}
              checked={choice.profileId === null}
              onChange={() => setChoice({ ...choice, profileId: null })}
            />
            <span>Every profile ({count})</span>
          </label>
        </fieldset>
        <fieldset className="choice-group">
          <legend>Format</legend>
          {exportFormats.map((format) => (
            <label key={format} className="choice">
              <input
                type="radio"
                name={`${id}-format`}
                value={format}
                checked={choice.format === format}
                onChange={() => setChoice({ ...choice, format: format as ExportFormat })}
              />
              <span>
                <strong>{formatLabels[format].title}</strong>
                <span className="field-help"> {formatLabels[format].help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-range`}>Time range (JSON and CSV)</label>
          <select
            id={`${id}-range`}
            value={choice.range}
            disabled={choice.format === 'prometheus'}
            onChange={(e) => setChoice({ ...choice, range: e.target.value as HistoryRange })}
          >
            {historyRanges.map((r) => (
              <option key={r} value={r}>
                Last {rangeSpecs[r].label}
              </option>
            ))}
          </select>
        </div>
        {error && <ErrorMessage error={error} testId="export-error" />}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
            {pending && <Spinner />}
            {shell === 'desktop' ? 'Save…' : 'Download'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
