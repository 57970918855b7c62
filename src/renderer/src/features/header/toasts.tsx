/** Short notices (an export saved, a palette command that failed), in a polite live region. */
import { selectors, useStore } from '../../stores/store'

const icons = { ok: '✓', error: '✕', info: 'i' } as const

export function Toasts() {
  const toasts = useStore(selectors.ui.toasts)
  const dismiss = useStore((s) => s.dismissToast)
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast" data-tone={t.tone}>
          <span aria-hidden="true">{icons[t.tone]}</span>
          <span className="toast-text">{t.text}</span>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
