import { selectors, useStore } from '../../stores/store'
import { LifebuoyMark } from './lifebuoy-mark'
import { TransportIndicator } from './transport-indicator'

const shellLabels = { desktop: 'Desktop', web: 'Browser mode' } as const

export function AppHeader() {
  const info = useStore(selectors.app.appInfo)
  const openCreateForm = useStore((s) => s.openCreateForm)
  const openImport = useStore((s) => s.openImport)
  return (
    <header className="app-header">
      <div className="brand">
        <LifebuoyMark />
        <h1 className="wordmark">Lifeguard</h1>
        {info && (
          <span className="shell-badge" title={`Data directory: ${info.dataDir}`}>
            {shellLabels[info.shell]} · v{info.version}
          </span>
        )}
      </div>
      <div className="header-actions">
        <TransportIndicator />
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
