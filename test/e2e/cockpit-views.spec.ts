/**
 * The cockpit as a DBA drives it, in Chromium against browser mode with the local demo (whose
 * workload keeps connections busy): the fleet dashboard, every tab of the profile view reached
 * by the keyboard (back goes to the previous tab), the command palette's Drain with its progress,
 * then Resume; the shutdown confirmation; an export downloaded as CSV; the shortcuts list; an
 * unknown profile. axe finds no serious violation on any of these views, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'

const SHOTS = 'test-results/screenshots/cockpit'
const TABS = ['overview', 'health', 'alerts', 'sessions', 'queue', 'events', 'settings'] as const

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}

test('dashboard, profile tabs by keyboard, palette drain and resume, export, axe', async ({
  page,
  launch,
}) => {
  test.setTimeout(120_000)
  const app = new AppPage(page, SHOTS)
  const server = await launch(['--demo'])
  await page.goto(server.url)
  const card = app.card('Local demo')
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('summary-connected')).toHaveText(/1 connected/)
  await expect(card.getByTestId('server-gauge-text')).toHaveText(/^\d+ \/ \d+ · (<1|\d+) %$/)
  const violations = await seriousViolations(page, 'dashboard')
  await app.shot('dashboard')

  // Every tab, by the keyboard: arrows move and select; the URL follows.
  await app.openProfile('Local demo')
  await expect(page.getByTestId('chart-connections')).toBeVisible()
  await expect(page.getByTestId('history-points')).toBeVisible()
  await page.getByTestId('tab-overview').focus()
  for (const [i, tab] of TABS.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId(`tab-${tab}`)).toBeFocused()
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/profile/[^/]+/${tab}$`))
    await page.waitForTimeout(tab === 'overview' ? 0 : 400) // let the tab's first answer land
    violations.push(...(await seriousViolations(page, tab)))
    await app.shot(`tab-${tab}`)
  }
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true')
  await page.goBack()
  await expect(page.getByTestId('tab-settings')).toHaveAttribute('aria-selected', 'true')

  // The command palette: Ctrl+K, "drain", Enter opens the drain dialog.
  await page.getByTestId('tab-overview').click()
  const opener = page.getByRole('button', { name: 'Export metrics…' })
  await opener.focus()
  await page.keyboard.press('Control+k')
  const palette = page.getByTestId('command-palette')
  await expect(palette).toBeVisible()
  await page.keyboard.type('drain')
  await expect(palette.getByTestId('palette-option').first()).toHaveAttribute(
    'data-command',
    'control-drain',
  )
  violations.push(...(await seriousViolations(page, 'palette')))
  await app.shot('palette-drain')
  await page.keyboard.press('Enter')
  const drain = page.getByTestId('drain-dialog')
  await expect(drain).toBeVisible()
  await drain.getByLabel('Deadline (seconds)').fill('0')
  await drain.getByRole('button', { name: 'Start drain' }).click()
  await expect(drain.getByTestId('drain-error')).toHaveText(
    'The deadline must be between 0.1 and 3600 seconds',
  )
  await drain.getByLabel('Deadline (seconds)').fill('30')
  await drain.getByLabel(/Cancel their queries/).check()
  violations.push(...(await seriousViolations(page, 'drain dialog')))
  await drain.getByRole('button', { name: 'Start drain' }).click()
  await expect(drain).toHaveCount(0)
  const progress = page.getByTestId('drain-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toHaveAttribute('data-phase', /draining|drained/)
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/)
  await expect(page.getByTestId('profile-view')).toBeVisible()
  await app.shot('draining')
  await page
    .getByRole('toolbar', { name: 'Pool control' })
    .getByRole('button', { name: 'Resume' })
    .click()
  await expect(progress).toHaveAttribute('data-phase', 'resumed')
  await expect(page.getByRole('button', { name: 'Drain…' })).toBeEnabled()
  await app.shot('resumed')

  // Shutdown asks first, naming what it ends.
  await page.getByRole('button', { name: 'Shut down…' }).click()
  const shutdown = page.getByTestId('shutdown-dialog')
  await expect(shutdown.getByRole('heading')).toHaveText('Shut down “Local demo”?')
  await expect(shutdown.getByTestId('shutdown-text')).toContainText(/in use/)
  await app.shot('shutdown-confirmation')
  await shutdown.getByRole('button', { name: 'Cancel' }).click()
  await expect(shutdown).toHaveCount(0)

  // Export as CSV: a download named by main, with the series in it.
  await page.keyboard.press('e')
  const exportDialog = page.getByTestId('export-dialog')
  await expect(exportDialog).toBeVisible()
  await exportDialog.getByLabel(/^CSV/).check()
  await exportDialog.getByLabel('Time range (JSON and CSV)').selectOption('5m')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportDialog.getByRole('button', { name: 'Download' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const file = await download.path()
  const csv = fs.readFileSync(file, 'utf8')
  expect(csv.split('\n')[0]).toContain('profile')
  expect(csv.split('\n').length).toBeGreaterThan(2)
  await expect(page.getByTestId('toast').last()).toContainText(
    `Downloaded ${download.suggestedFilename()}`,
  )

  // "?" lists the shortcuts; Escape closes it.
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0)

  // An unknown profile: not found, and the way back.
  await page.goto(`${server.origin}/#/profile/no-such-profile/overview`)
  await expect(page.getByTestId('not-found')).toContainText('no-such-profile')
  violations.push(...(await seriousViolations(page, 'not found')))
  await app.shot('not-found')
  await page.getByRole('link', { name: '← Back to the fleet' }).click()
  await expect(card).toBeVisible()

  expect(violations).toEqual([])
})

test('dark theme: dashboard and overview, no serious axe violation', async ({
  browser,
  launch,
}) => {
  const server = await launch(['--demo'])
  const context = await browser.newContext({
    colorScheme: 'dark',
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  try {
    const app = new AppPage(page, `${SHOTS}-dark`)
    await page.goto(server.url)
    await expect(app.card('Local demo')).toHaveAttribute('data-state', 'connected')
    const violations = await seriousViolations(page, 'dark dashboard')
    await app.shot('dashboard')
    await app.openProfile('Local demo')
    await expect(page.getByTestId('history-points')).toBeVisible()
    violations.push(...(await seriousViolations(page, 'dark overview')))
    await app.shot('overview')
    expect(violations).toEqual([])
  } finally {
    await context.close()
  }
})
