/** Listens for the app's shortcuts on the window (while no dialog is open, except Ctrl+K). */
import { useEffect } from 'react'
import { dashboardRoute } from '../../lib/route'
import { currentRoute, navigate } from '../../lib/use-route'
import { selectors, useStore } from '../../stores/store'
import { FILTER_INPUT_ID } from '../dashboard/dashboard-toolbar'
import { isField, shortcutFor } from './shortcut-keys'

export function useGlobalShortcuts(): void {
  useEffect(() => {
    let previous: string | null = null
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          inField: isField(event.target),
        },
        previous,
      )
      previous = event.key
      if (action === null) return
      const store = useStore.getState()
      if (action === 'palette') {
        event.preventDefault()
        if (store.paletteOpen) store.closePalette()
        else store.openPalette()
        return
      }
      if (selectors.ui.modalOpen(store)) return
      event.preventDefault()
      if (action === 'shortcuts') store.openShortcuts()
      else if (action === 'dashboard') navigate(dashboardRoute)
      else if (action === 'export') {
        const route = currentRoute()
        store.openExport({ profileId: route.view === 'profile' ? route.id : null })
      } else if (action === 'filter') {
        if (currentRoute().view !== 'dashboard') navigate(dashboardRoute)
        requestAnimationFrame(() => document.getElementById(FILTER_INPUT_ID)?.focus())
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
