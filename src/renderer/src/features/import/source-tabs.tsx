import type { KeyboardEvent } from 'react'
import { importSources, type ImportSourceChoice } from './import-model'

interface SourceTabsProps {
  id: string
  source: ImportSourceChoice
  disabled: boolean
  onChoose(source: ImportSourceChoice): void
}

/** Where to import from, as tabs (arrow keys move between them, as a tab list should). */
export function SourceTabs({ id, source, disabled, onChoose }: SourceTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0 || disabled) return
    event.preventDefault()
    const at = importSources.findIndex((s) => s.id === source)
    const next = importSources[(at + step + importSources.length) % importSources.length]
    if (!next) return
    onChoose(next.id)
    document.getElementById(`${id}-tab-${next.id}`)?.focus()
  }
  return (
    <div className="source-tabs" role="tablist" aria-label="Import from" onKeyDown={onKeyDown}>
      {importSources.map((s) => (
        <button
          key={s.id}
          id={`${id}-tab-${s.id}`}
          type="button"
          role="tab"
          className="source-tab"
          aria-selected={s.id === source}
          aria-controls={`${id}-panel`}
          tabIndex={s.id === source ? 0 : -1}
          disabled={disabled && s.id !== source}
          onClick={() => onChoose(s.id)}
        >
          {s.label}
        </button>
      ))}
    </div>
  )
}
