import { selectors, useStore } from '../../stores/store'

/** Warnings from main (at start-up and raised later), each dismissible. */
export function WarningsBanner() {
  const warnings = useStore(selectors.app.warnings)
  const dismiss = useStore((s) => s.dismissWarning)
  if (warnings.length === 0) return null
  return (
    <section className="warnings" aria-label="Warnings">
      {warnings.map((warning) => (
        <div key={warning.id} className="banner banner-warning" role="alert" data-testid="warning">
          <span aria-hidden="true">⚠</span>
          <div className="banner-text">
            <div>{warning.message}</div>
            {warning.detail && <div className="banner-detail">{warning.detail}</div>}
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label="Dismiss warning"
            title="Dismiss"
            onClick={() => dismiss(warning.id)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      ))}
    </section>
  )
}
