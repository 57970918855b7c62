import { Spinner } from './components/spinner'
import { ControlDialogs } from './features/control/control-dialogs'
import { Dashboard } from './features/dashboard/dashboard'
import { ExportDialog } from './features/export/export-dialog'
import { AppHeader } from './features/header/app-header'
import { Toasts } from './features/header/toasts'
import { TransportBanner } from './features/header/transport-banner'
import { ImportDialog } from './features/import/import-dialog'
import { CommandPalette } from './features/palette/command-palette'
import { ProfileFormDialog } from './features/profile-form/profile-form-dialog'
import { NotFound } from './features/profile-view/not-found'
import { ProfileView } from './features/profile-view/profile-view'
import { DeleteDialog } from './features/profiles/delete-dialog'
import { ShortcutsDialog } from './features/shortcuts/shortcuts-dialog'
import { useGlobalShortcuts } from './features/shortcuts/use-global-shortcuts'
import { WarningsBanner } from './features/warnings/warnings-banner'
import { useRoute } from './lib/use-route'
import { selectors, useStore } from './stores/store'

function MainContent() {
  const loaded = useStore(selectors.profiles.loaded)
  const route = useRoute()
  if (route.view === 'not-found')
    return <NotFound what={`Lifeguard has no page at “${route.path}”.`} />
  if (route.view === 'profile') return <ProfileView id={route.id} tab={route.tab} />
  if (!loaded)
    return (
      <p className="loading" role="status">
        <Spinner /> Loading profiles…
      </p>
    )
  return <Dashboard />
}

export function App() {
  useGlobalShortcuts()
  const modalOpen = useStore(selectors.ui.modalOpen)
  const form = useStore(selectors.ui.form)
  const deleteTargetId = useStore(selectors.ui.deleteTargetId)
  const importOpen = useStore(selectors.ui.importOpen)
  const paletteOpen = useStore(selectors.ui.paletteOpen)
  const shortcutsOpen = useStore(selectors.ui.shortcutsOpen)
  const exportTarget = useStore(selectors.ui.exportTarget)
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
        <Toasts />
      </div>
      {form.mode !== 'closed' && <ProfileFormDialog form={form} />}
      {deleteTargetId !== null && <DeleteDialog profileId={deleteTargetId} />}
      {importOpen && <ImportDialog />}
      {paletteOpen && <CommandPalette />}
      {shortcutsOpen && <ShortcutsDialog />}
      {exportTarget !== null && <ExportDialog target={exportTarget} />}
      <ControlDialogs />
    </>
  )
}
