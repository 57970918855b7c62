/**
 * The command palette (Ctrl+K / Cmd+K): a filter field and the matching commands (fuzzy), moved
 * through with the arrow keys, run with Enter or a click, closed with Escape; focus goes back to
 * where it was. ARIA: a combobox controlling a listbox, the active option by aria-activedescendant.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useApi } from '../../api/transport-context'
import { ModalDialog } from '../../components/modal-dialog'
import { useRoute } from '../../lib/use-route'
import { selectors, useStore } from '../../stores/store'
import { rankByQuery } from './fuzzy-match'
import { livePaletteActions } from './palette-actions'
import { paletteCommands, type PaletteCommand } from './palette-commands'

/** Options listed at once (typing narrows the rest). */
const SHOWN = 50

export function CommandPalette() {
  const api = useApi()
  const id = useId()
  const route = useRoute()
  const profiles = useStore(selectors.profiles.profiles)
  const statuses = useStore((s) => s.statuses)
  const close = useStore((s) => s.closePalette)
  const [returnTo] = useState<Element | null>(() => document.activeElement)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  // Built on each render (the palette is open briefly; a few hundred commands at most).
  const commands = paletteCommands({ profiles, statuses, route }, livePaletteActions(api, useStore))
  const matches = useMemo(
    () => rankByQuery(commands, query, (c) => `${c.title} ${c.section}`).slice(0, SHOWN),
    [commands, query],
  )
  const current = Math.min(active, Math.max(0, matches.length - 1))

  const finish = (command: PaletteCommand | undefined) => {
    close()
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus()
    command?.run()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (matches.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + matches.length) % matches.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (matches[current]) finish(matches[current])
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`
  return (
    <ModalDialog
      className="modal-palette"
      labelledBy={`${id}-label`}
      onCancel={() => finish(undefined)}
    >
      <div className="palette" data-testid="command-palette">
        <label id={`${id}-label`} htmlFor={`${id}-input`} className="visually-hidden">
          Command
        </label>
        <input
          id={`${id}-input`}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={matches[current] ? optionId(current) : undefined}
          placeholder="Type a command or a profile name…"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          autoFocus
        />
        <ul id={`${id}-list`} className="palette-list" role="listbox" aria-label="Commands">
          {matches.map((command, i) => (
            <li
              key={command.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'palette-option palette-active' : 'palette-option'}
              data-testid="palette-option"
              data-command={command.id}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => finish(command)}
            >
              <span className="palette-title">{command.title}</span>
              <span className="palette-section muted">{command.section}</span>
            </li>
          ))}
        </ul>
        {matches.length === 0 && (
          <p className="muted palette-none" role="status">
            No command matches “{query}”.
          </p>
        )}
        <p className="palette-help muted" aria-hidden="true">
          ↑ ↓ to move · Enter to run · Esc to close
        </p>
      </div>
    </ModalDialog>
  )
}
