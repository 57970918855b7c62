/**
 * What the palette offers and what each command does: go to every profile, connect or
 * disconnect each, pool control only where it fits the current profile's state, tab switches on
 * a profile view, export, add, import and shortcuts.
 */
import { describe, expect, it } from 'vitest'
import {
  paletteCommands,
  type PaletteActions,
  type PaletteContext,
} from '../../../src/renderer/src/features/palette/palette-commands'
import { rankByQuery } from '../../../src/renderer/src/features/palette/fuzzy-match'
import { dashboardRoute, profileRoute } from '../../../src/renderer/src/lib/route'
import { healthView } from './health-fixture'
import { profile, status } from './store-fixture'

function recorder() {
  const calls: string[] = []
  const rec = (name: string) => (arg?: unknown) =>
    calls.push(
      arg === undefined ? name : `${name} ${typeof arg === 'string' ? arg : JSON.stringify(arg)}`,
    )
  const actions: PaletteActions = {
    navigate: rec('navigate'),
    connect: rec('connect'),
    disconnect: rec('disconnect'),
    drain: rec('drain'),
    resume: rec('resume'),
    shutdown: rec('shutdown'),
    reconnect: rec('reconnect'),
    exportMetrics: rec('export'),
    addProfile: rec('add'),
    importProfiles: rec('import'),
    showShortcuts: rec('shortcuts'),
  }
  return { calls, actions }
}

const profiles = [profile('a', { name: 'orders' }), profile('b', { name: 'billing' })]
const statuses = {
  a: status('a', 'connected', 1, { health: healthView() }),
  b: status('b', 'disconnected', 1),
}

function titles(ctx: PaletteContext) {
  return paletteCommands(ctx, recorder().actions).map((c) => c.title)
}

describe('palette commands', () => {
  it('on the dashboard: go to, connect / disconnect each, export all, add, import, shortcuts', () => {
    expect(titles({ profiles, statuses, route: dashboardRoute })).toEqual([
      'Go to “orders”',
      'Go to “billing”',
      'Disconnect “orders”',
      'Connect “billing”',
      'Export metrics… (every profile)',
      'Add profile',
      'Import…',
      'Keyboard shortcuts',
    ])
  })

  it('on a running profile: drain, shut down, reconnect now (not resume), and the other tabs', () => {
    const list = titles({ profiles, statuses, route: profileRoute('a', 'overview') })
    expect(list.slice(0, 3)).toEqual([
      'Drain “orders”…',
      'Shut down “orders”…',
      'Reconnect now “orders”',
    ])
    expect(list).not.toContain('Resume “orders”')
    expect(list).toContain('Show Events')
    expect(list).not.toContain('Show Overview')
    expect(list).toContain('Export metrics of “orders”…')
    expect(list).toContain('Go to the fleet dashboard')
  })

  it('on a draining profile: resume is offered, drain is not', () => {
    const draining = {
      ...statuses,
      a: status('a', 'connected', 1, { health: healthView(), poolState: 'draining' as const }),
    }
    const list = titles({ profiles, statuses: draining, route: profileRoute('a') })
    expect(list).toContain('Resume “orders”')
    expect(list).not.toContain('Drain “orders”…')
  })

  it('on a disconnected profile: no pool control at all', () => {
    const list = titles({ profiles, statuses, route: profileRoute('b') })
    expect(list.filter((t) => /^(Drain|Resume|Shut down|Reconnect now)/.test(t))).toEqual([])
  })

  it('each command runs its action with the right profile', () => {
    const { calls, actions } = recorder()
    const commands = paletteCommands({ profiles, statuses, route: profileRoute('a') }, actions)
    const run = (title: string) => commands.find((c) => c.title === title)?.run()
    run('Drain “orders”…')
    run('Connect “billing”')
    run('Disconnect “orders”')
    run('Go to “billing”')
    run('Show Sessions')
    run('Export metrics of “orders”…')
    run('Export metrics… (every profile)')
    run('Add profile')
    expect(calls).toEqual([
      'drain a',
      'connect b',
      'disconnect a',
      `navigate ${JSON.stringify(profileRoute('b'))}`,
      `navigate ${JSON.stringify(profileRoute('a', 'sessions'))}`,
      'export a',
      'export null',
      'add',
    ])
  })

  it('typing narrows the list: "drain" finds the drain command first', () => {
    const commands = paletteCommands(
      { profiles, statuses, route: profileRoute('a') },
      recorder().actions,
    )
    const ranked = rankByQuery(commands, 'drain', (c) => `${c.title} ${c.section}`)
    expect(ranked[0]?.id).toBe('control-drain')
    expect(rankByQuery(commands, 'go bill', (c) => c.title)[0]?.id).toBe('go-b')
  })
})
