/** What each source reads and the one control that starts reading it. */
import { useState } from 'react'
import { IMPORT_TEXT_MAX } from '../../../../shared/schemas'
import { MAX_MESSAGE_BYTES } from '../../../../shared/ws-protocol'
import type { Transport } from '../../api/transport'
import { formatBytes } from './import-file'
import type { ImportSourceChoice } from './import-model'

export interface SourcePanelProps {
  id: string
  source: ImportSourceChoice
  busy: boolean
  transportKind: Transport['kind']
  onReadLocal(kind: 'pgpass' | 'service-file'): void
  onFile(file: File): void
  onPaste(text: string): void
}

export function SourcePanel(props: SourcePanelProps) {
  const { id, source } = props
  return (
    <div
      id={`${id}-panel`}
      className="source-panel"
      role="tabpanel"
      aria-labelledby={`${id}-tab-${source}`}
      data-testid="import-source-panel"
      data-source={source}
    >
      {source === 'pgpass' && <PgpassPanel {...props} />}
      {source === 'service-file' && <ServicePanel {...props} />}
      {source === 'pgadmin' && <PgadminPanel {...props} />}
      {source === 'pasted' && <PastePanel {...props} />}
    </div>
  )
}

function PgpassPanel({ busy, onReadLocal }: SourcePanelProps) {
  return (
    <div className="source-row">
      <p className="source-text">
        Reads libpq’s password file: <code>$PGPASSFILE</code>, else <code>~/.pgpass</code> (ignored,
        as libpq ignores it, when group or others can read it). Each line with a literal host and
        user becomes a profile. Passwords stay in the file: Lifeguard reads them from there when
        connecting and never shows them.
      </p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => onReadLocal('pgpass')}
      >
        Read .pgpass
      </button>
    </div>
  )
}

function ServicePanel({ busy, onReadLocal }: SourcePanelProps) {
  return (
    <div className="source-row">
      <p className="source-text">
        Reads the connection service files: <code>$PGSERVICEFILE</code>, else{' '}
        <code>~/.pg_service.conf</code>, then <code>pg_service.conf</code> in{' '}
        <code>$PGSYSCONFDIR</code>. Each <code>[service]</code> becomes a profile; passwords are
        looked up in .pgpass, never shown.
      </p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => onReadLocal('service-file')}
      >
        Read service files
      </button>
    </div>
  )
}

function PgadminPanel({ id, busy, transportKind, onFile }: SourcePanelProps) {
  const limit =
    transportKind === 'websocket'
      ? `${formatBytes(MAX_MESSAGE_BYTES)} in browser mode (the WebSocket message limit); ${formatBytes(IMPORT_TEXT_MAX)} in the desktop app`
      : formatBytes(IMPORT_TEXT_MAX)
  return (
    <div className="source-stack">
      <p className="source-text">
        Choose a <code>servers.json</code> exported from pgAdmin (Tools → Import/Export Servers).
        Servers become profiles in their pgAdmin group.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>servers.json file</label>
        <input
          id={`${id}-file`}
          type="file"
          className="file-input"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby={`${id}-file-help`}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) onFile(file)
          }}
        />
        <div id={`${id}-file-help`} className="field-help">
          Read in this window and sent to Lifeguard as text; at most {limit}.
        </div>
      </div>
    </div>
  )
}

function PastePanel({ id, busy, onPaste }: SourcePanelProps) {
  const [text, setText] = useState('')
  return (
    <form
      className="source-stack"
      onSubmit={(e) => {
        e.preventDefault()
        onPaste(text)
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-pasted`}>Connection URI or key=value string</label>
        <textarea
          id={`${id}-pasted`}
          className="paste-input mono"
          rows={3}
          value={text}
          maxLength={8 * 1024}
          spellCheck={false}
          autoComplete="off"
          placeholder="postgresql://app@db.example.com:5432/orders?sslmode=require   or   host=db.example.com dbname=orders user=app"
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-pasted-help`}
        />
        <div id={`${id}-pasted-help`} className="field-help">
          A password in the text is kept in Lifeguard’s memory for this run and is never shown.
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Preview
        </button>
      </div>
    </form>
  )
}
