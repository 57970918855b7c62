/**
 * What an import would create, one row per candidate: a checkbox (only 'new' rows can be picked),
 * the profile it would become, where its password would come from, and its status with reasons.
 * Everything is plain text: names and hosts come from files the user did not necessarily write.
 */
import type { ImportPreviewRow, ImportPreviewView, ProfileSummary } from '../../../../shared/domain'
import {
  hostsText,
  passwordSourceText,
  portsText,
  selectableRows,
  statusLabel,
} from './import-model'

export interface PreviewTableProps {
  preview: ImportPreviewView
  selected: readonly number[]
  /** Saved profiles, to name the one a duplicate row matches. */
  profiles: readonly Pick<ProfileSummary, 'id' | 'name'>[]
  disabled: boolean
  onToggle(index: number): void
  onSelectAll(on: boolean): void
}

export function PreviewTable(props: PreviewTableProps) {
  const { preview, selected, profiles, disabled, onToggle, onSelectAll } = props
  const selectable = selectableRows(preview)
  const allChosen = selectable.length > 0 && selectable.every((i) => selected.includes(i))
  if (preview.rows.length === 0)
    return (
      <p className="import-empty muted" data-testid="import-empty">
        No connection found in this source to import.
      </p>
    )
  return (
    <div className="import-table-wrap" tabIndex={0} aria-label="Profiles found">
      <table className="import-table" data-testid="import-preview-table">
        <thead>
          <tr>
            <th scope="col" className="col-check">
              <input
                type="checkbox"
                checked={allChosen}
                disabled={disabled || selectable.length === 0}
                onChange={(e) => onSelectAll(e.target.checked)}
                aria-label="Select every new profile"
              />
            </th>
            <th scope="col">Name</th>
            <th scope="col">Group</th>
            <th scope="col">Host(s)</th>
            <th scope="col" className="col-num">
              Port
            </th>
            <th scope="col">Database</th>
            <th scope="col">User</th>
            <th scope="col">SSL mode</th>
            <th scope="col" title="Where the password would come from (it is never shown)">
              Password
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <PreviewRow
              key={row.index}
              row={row}
              rows={preview.rows}
              profiles={profiles}
              chosen={selected.includes(row.index)}
              disabled={disabled || row.status !== 'new'}
              onToggle={() => onToggle(row.index)}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface PreviewRowProps {
  row: ImportPreviewRow
  rows: readonly ImportPreviewRow[]
  profiles: PreviewTableProps['profiles']
  chosen: boolean
  disabled: boolean
  onToggle(): void
}

function PreviewRow({ row, rows, profiles, chosen, disabled, onToggle }: PreviewRowProps) {
  const c = row.candidate
  const status = statusLabel(row, rows, profiles)
  return (
    <tr
      className={`import-row import-row-${row.status}`}
      data-testid="import-row"
      data-status={row.status}
      data-index={row.index}
      data-name={c.name}
    >
      <td className="col-check">
        <input
          type="checkbox"
          checked={chosen}
          disabled={disabled}
          onChange={onToggle}
          aria-label={`Import “${c.name}”`}
        />
      </td>
      <td className="import-name" title={c.origin.where}>
        {c.name}
      </td>
      <td>{c.group || <span className="muted">–</span>}</td>
      <td className="mono nowrap">{hostsText(c)}</td>
      <td className="mono col-num nowrap">{portsText(c)}</td>
      <td className="mono nowrap">{c.database}</td>
      <td className="mono nowrap">{c.user}</td>
      <td className="mono nowrap">{c.sslmode}</td>
      <td className="nowrap" data-testid="password-source" data-source={c.passwordSource}>
        {c.passwordSource === 'none' ? (
          <span className="muted">{passwordSourceText(c)}</span>
        ) : (
          passwordSourceText(c)
        )}
      </td>
      <td className="import-status">
        <span className={`status-badge status-${row.status}`} data-testid="import-status">
          <span aria-hidden="true">{status.icon}</span> {status.text}
        </span>
        {row.reasons.length > 0 && (
          <ul className="import-reasons" data-testid="import-reasons">
            {row.reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  )
}
