/** "?": the keyboard shortcuts. */
import { useId } from 'react'
import { ModalDialog } from '../../components/modal-dialog'
import { useStore } from '../../stores/store'
import { shortcutList } from './shortcut-keys'

export function ShortcutsDialog() {
  const close = useStore((s) => s.closeShortcuts)
  const id = useId()
  return (
    <ModalDialog labelledBy={`${id}-title`} onCancel={close} className="modal-small">
      <div data-testid="shortcuts-dialog">
        <h2 id={`${id}-title`} className="modal-title">
          Keyboard shortcuts
        </h2>
        <table className="shortcut-table">
          <tbody>
            {shortcutList.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Every button is reachable with Tab; Enter or Space presses it.</p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={close} autoFocus>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
