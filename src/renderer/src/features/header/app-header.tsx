import { dashboardRoute, formatRoute } from '../../lib/route'
import { selectors, useStore } from '../../stores/store'
import { HistorySinkButton } from '../history/history-sink-button'
import { NotificationsButton } from '../notifications/notifications-button'
import { CriticalBadge } from './critical-badge'
import { LifebuoyMark } from './lifebuoy-mark'
import { TransportIndicator } from './transport-indicator'

const shellLabels = { desktop: 'Desktop', web: 'Browser mode' } as const

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function AppHeader() {
  const info = useStore(selectors.app.appInfo)
  const openCreateForm = useStore((s) => s.openCreateForm)
  const openImport = useStore((s) => s.openImport)
  const openPalette = useStore((s) => s.openPalette)
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand-title">
          <a className="brand-link" href={formatRoute(dashboardRoute)} title="Fleet dashboard">
            <LifebuoyMark />
            <span className="wordmark">Lifeguard</span>
          </a>
        </h1>
        {info && (
          <span className="shell-badge" title={`Data directory: ${info.dataDir}`}>
            {shellLabels[info.shell]} · v{info.version}
          </span>
        )}
        <CriticalBadge />
      </div>
      <div className="header-actions">
        <TransportIndicator />
        <NotificationsButton />
        <HistorySinkButton />
        <button
          type="button"
          className="btn btn-small btn-ghost palette-button"
          onClick={openPalette}
          title="Command palette"
        >
          <kbd>{isMac ? '⌘K' : 'Ctrl+K'}</kbd>
          <span className="visually-hidden">Command palette</span>
        </button>
        <button
          type="button"
          className="btn"
          onClick={openImport}
          title="Import profiles from .pgpass, a service file, pgAdmin or a connection string"
        >
          Import…
        </button>
        <button type="button" className="btn btn-primary" onClick={openCreateForm}>
          Add profile
        </button>
      </div>
    </header>
  )
}
