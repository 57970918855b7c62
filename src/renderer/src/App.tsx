import { Spinner } from './components/spinner'
import { EmptyState } from './features/empty-state/empty-state'
import { HealthDialog } from './features/health/health-dialog'
import { AppHeader } from './features/header/app-header'
import { TransportBanner } from './features/header/transport-banner'
import { ImportDialog } from './features/import/import-dialog'
import { ProfileFormDialog } from './features/profile-form/profile-form-dialog'
import { DeleteDialog } from './features/profiles/delete-dialog'
import { ProfileGrid } from './features/profiles/profile-grid'
import { SessionsDialog } from './features/sessions/sessions-dialog'
import { WarningsBanner } from './features/warnings/warnings-banner'
import { selectors, useStore } from './stores/store'

function MainContent() {
  const loaded = useStore(selectors.profiles.loaded)
  const count = useStore(selectors.profiles.count)
  if (!loaded)
    return (
      <p className="loading" role="status">
        <Spinner /> Loading profiles…
      </p>
    )
  return count === 0 ? <EmptyState /> : <ProfileGrid />
}

export function App() {
  const modalOpen = useStore(selectors.ui.modalOpen)
  const form = useStore(selectors.ui.form)
  const deleteTargetId = useStore(selectors.ui.deleteTargetId)
  const healthTargetId = useStore(selectors.ui.healthTargetId)
  const sessionsTargetId = useStore(selectors.ui.sessionsTargetId)
  const importOpen = useStore(selectors.ui.importOpen)
  const stale = useStore(selectors.app.transport) !== 'connected'
  return (
    <>
      {/* Behind an open dialog the page is inert and hidden from assistive technology. */}
      <div className="app" inert={modalOpen} aria-hidden={modalOpen || undefined}>
        <AppHeader />
        <TransportBanner />
        <main className={stale ? 'content content-stale' : 'content'}>
          <WarningsBanner />
          <MainContent />
        </main>
      </div>
      {form.mode !== 'closed' && <ProfileFormDialog form={form} />}
      {deleteTargetId !== null && <DeleteDialog profileId={deleteTargetId} />}
      {healthTargetId !== null && <HealthDialog profileId={healthTargetId} />}
      {sessionsTargetId !== null && <SessionsDialog profileId={sessionsTargetId} />}
      {importOpen && <ImportDialog />}
    </>
  )
}
