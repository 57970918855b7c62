/**
 * Everything the command palette offers, built from the app's state: go to a profile, connect
 * or disconnect one, pool control for the profile in view, tab switches, export, add, import
 * and the shortcuts list. Pure: the actions are passed in, so tests can record what runs.
 */
import type { ProfileStatus, ProfileSummary } from '../../../../shared/domain'
import { holdsPool } from '../../lib/connection-state'
import {
  dashboardRoute,
  profileRoute,
  profileTabLabels,
  profileTabs,
  type Route,
} from '../../lib/route'
import { controlUnavailable } from '../control/control-commands'

export interface PaletteCommand {
  id: string
  title: string
  /** Shown on the right: the section it belongs to. */
  section: string
  run(): void
}

export interface PaletteActions {
  navigate(route: Route): void
  connect(profileId: string): void
  disconnect(profileId: string): void
  drain(profileId: string): void
  resume(profileId: string): void
  shutdown(profileId: string): void
  reconnect(profileId: string): void
  exportMetrics(profileId: string | null): void
  addProfile(): void
  importProfiles(): void
  showShortcuts(): void
}

export interface PaletteContext {
  profiles: readonly ProfileSummary[]
  statuses: Readonly<Record<string, ProfileStatus>>
  route: Route
}

export function paletteCommands(ctx: PaletteContext, actions: PaletteActions): PaletteCommand[] {
  const commands: PaletteCommand[] = []
  const route = ctx.route
  const current = route.view === 'profile' ? ctx.profiles.find((p) => p.id === route.id) : undefined

  if (current && route.view === 'profile') {
    const status = ctx.statuses[current.id]
    const control = [
      ['drain', 'Drain…', actions.drain],
      ['resume', 'Resume', actions.resume],
      ['shutdown', 'Shut down…', actions.shutdown],
      ['reconnect', 'Reconnect now', actions.reconnect],
    ] as const
    for (const [command, title, run] of control)
      if (controlUnavailable(command, status) === null)
        commands.push({
          id: `control-${command}`,
          title: `${title.replace('…', '')} “${current.name}”${title.endsWith('…') ? '…' : ''}`,
          section: 'Pool control',
          run: () => run(current.id),
        })
    for (const tab of profileTabs)
      if (tab !== route.tab)
        commands.push({
          id: `tab-${tab}`,
          title: `Show ${profileTabLabels[tab]}`,
          section: 'Tab',
          run: () => actions.navigate(profileRoute(current.id, tab)),
        })
    commands.push({
      id: 'export-current',
      title: `Export metrics of “${current.name}”…`,
      section: 'Export',
      run: () => actions.exportMetrics(current.id),
    })
  }

  if (route.view !== 'dashboard')
    commands.push({
      id: 'go-dashboard',
      title: 'Go to the fleet dashboard',
      section: 'Go to',
      run: () => actions.navigate(dashboardRoute),
    })
  for (const p of ctx.profiles)
    commands.push({
      id: `go-${p.id}`,
      title: `Go to “${p.name}”`,
      section: 'Go to',
      run: () => actions.navigate(profileRoute(p.id)),
    })
  for (const p of ctx.profiles) {
    const state = ctx.statuses[p.id]?.state ?? 'disconnected'
    const hasSession = ctx.statuses[p.id]?.health != null
    if (holdsPool(state) || hasSession)
      commands.push({
        id: `disconnect-${p.id}`,
        title: `Disconnect “${p.name}”`,
        section: 'Connection',
        run: () => actions.disconnect(p.id),
      })
    else
      commands.push({
        id: `connect-${p.id}`,
        title: `Connect “${p.name}”`,
        section: 'Connection',
        run: () => actions.connect(p.id),
      })
  }
  commands.push(
    {
      id: 'export-all',
      title: 'Export metrics… (every profile)',
      section: 'Export',
      run: () => actions.exportMetrics(null),
    },
    { id: 'add-profile', title: 'Add profile', section: 'Profiles', run: actions.addProfile },
    { id: 'import', title: 'Import…', section: 'Profiles', run: actions.importProfiles },
    {
      id: 'shortcuts',
      title: 'Keyboard shortcuts',
      section: 'Help',
      run: actions.showShortcuts,
    },
  )
  return commands
}
