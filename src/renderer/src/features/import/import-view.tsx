/** The import dialog's content, from the state machine's state (the dialog around it wires it). */
import type { ProfileSummary } from '../../../../shared/domain'
import type { Transport } from '../../api/transport'
import { ErrorMessage } from '../../components/error-message'
import { Spinner } from '../../components/spinner'
import { errorOf, importButtonLabel, previewOf, selectedOf, type ImportState } from './import-model'
import { PreviewTable } from './preview-table'
import { ProblemList } from './problem-list'
import { SourcePanel } from './source-panel'
import { SourceTabs } from './source-tabs'
import type { ImportController } from './import-controller'

export interface ImportViewProps {
  id: string
  state: ImportState
  profiles: readonly Pick<ProfileSummary, 'id' | 'name'>[]
  transportKind: Transport['kind']
  controller: Pick<
    ImportController,
    'choose' | 'readLocal' | 'readPgadminFile' | 'readPasted' | 'toggle' | 'selectAll' | 'confirm'
  >
  onClose(): void
}

export function ImportView({
  id,
  state,
  profiles,
  transportKind,
  controller,
  onClose,
}: ImportViewProps) {
  const preview = previewOf(state)
  const selected = selectedOf(state)
  const error = errorOf(state)
  const confirming = state.phase === 'confirming'
  const busy = state.phase === 'reading' || confirming
  const newRows = preview ? preview.rows.filter((r) => r.status === 'new').length : 0
  return (
    <div className="import-dialog" data-testid="import-dialog" data-phase={state.phase}>
      <h2 id={`${id}-title`} className="modal-title">
        Import connection profiles
      </h2>
      <SourceTabs
        id={id}
        source={state.source}
        disabled={confirming}
        onChoose={controller.choose}
      />
      <SourcePanel
        id={id}
        source={state.source}
        busy={busy}
        transportKind={transportKind}
        onReadLocal={(kind) => void controller.readLocal(kind)}
        onFile={(file) => void controller.readPgadminFile(file)}
        onPaste={(text) => void controller.readPasted(text)}
      />
      {state.phase === 'reading' && (
        <p className="progress" role="status" data-testid="import-progress">
          <Spinner /> {state.activity}
        </p>
      )}
      {error && (
        <ErrorMessage
          error={error}
          title={error.code === 'message-too-large' ? 'Too large to import' : undefined}
          testId="import-error"
        />
      )}
      {preview && (
        <section className="import-preview" aria-labelledby={`${id}-preview-title`}>
          <div className="import-preview-head">
            <h3 id={`${id}-preview-title`} className="import-subtitle">
              Preview{' '}
              <span className="muted num">
                {preview.rows.length} found · {newRows} new
              </span>
            </h3>
            <span
              className="import-source muted"
              data-testid="import-source"
              title={preview.source}
            >
              from <span className="mono">{preview.source}</span>
            </span>
          </div>
          <PreviewTable
            preview={preview}
            selected={selected}
            profiles={profiles}
            disabled={confirming}
            onToggle={controller.toggle}
            onSelectAll={controller.selectAll}
          />
          <ProblemList problems={preview.problems} />
        </section>
      )}
      <div className="modal-actions">
        <span className="import-note muted">
          {preview
            ? 'Nothing is created until you press Import.'
            : 'Choose a source and read it to see what would be imported.'}
        </span>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose} disabled={confirming}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-confirm"
          disabled={state.phase !== 'previewing' || selected.length === 0}
          aria-busy={confirming}
          onClick={() => void controller.confirm()}
        >
          {confirming && <Spinner />}
          {preview ? importButtonLabel(selected.length) : 'Import profiles'}
        </button>
      </div>
    </div>
  )
}
