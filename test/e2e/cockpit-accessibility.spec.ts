/**
 * axe (@axe-core/playwright) on every main view of the cockpit, in the light and in the dark
 * theme (Chromium's prefers-color-scheme), with the local demo alive so each view has content:
 * the fleet dashboard, each of the profile's seven tabs once its content has arrived, the command
 * palette, the drain, shutdown and export dialogs, and the not-found page. No serious or critical
 * violation is allowed. A screenshot of each view in each theme.
 *
 * Both tests look at the same browser-mode server (they only open views and dialogs and cancel
 * them, so sharing it is safe), started once for the file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { AppPage } from './support/app-page'
import { seriousViolations } from './support/axe'
import { expect, test } from './support/fixtures'
import { startLifeguard, type RunningLifeguard } from './support/lifeguard-server'

/** Each tab, and what shows that its content has arrived (not only its frame). */
const TABS = [
  ['overview', 'history-points'],
  ['health', 'attempt-row'],
  ['alerts', 'alerts-tab'],
  ['sessions', 'sample-info'],
  ['queue', 'queue-tab'],
  ['events', 'event-row'],
  ['settings', 'loadlab-completed'],
] as const

let dataDir = ''
let server: RunningLifeguard | undefined

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-e2e-axe-'))
  server = await startLifeguard(dataDir, ['--demo'])
})

test.afterAll(async () => {
  await server?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function checkEveryView(page: Page, app: AppPage, url: string, origin: string) {
  const violations: string[] = []
  const check = async (where: string, options?: { fullPage?: boolean }) => {
    violations.push(...(await seriousViolations(page, where)))
    await app.shot(where.replace(/\s+/g, '-'), options)
  }
  await page.goto(url)
  await expect(app.card('Local demo')).toHaveAttribute('data-state', 'connected')
  await expect(app.card('Local demo').getByTestId('server-gauge-text')).toBeVisible()
  await check('dashboard')

  await app.openProfile('Local demo')
  for (const [tab, ready] of TABS) {
    await page.getByTestId(`tab-${tab}`).click()
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId(ready).first()).toBeVisible()
    await check(`tab ${tab}`)
  }

  await page.getByTestId('tab-overview').click()
  await page.keyboard.press('Control+k')
  await expect(page.getByTestId('command-palette')).toBeVisible()
  await page.keyboard.type('drain')
  await expect(page.getByTestId('palette-option').first()).toBeVisible()
  await check('palette', { fullPage: false })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('command-palette')).toHaveCount(0)

  await page.getByRole('button', { name: 'Drain…' }).click()
  await expect(page.getByTestId('drain-dialog')).toBeVisible()
  await check('drain dialog', { fullPage: false })
  await page.getByTestId('drain-dialog').getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Shut down…' }).click()
  await expect(page.getByTestId('shutdown-dialog')).toBeVisible()
  await check('shutdown dialog', { fullPage: false })
  await page.getByTestId('shutdown-dialog').getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Export metrics…' }).click()
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await check('export dialog', { fullPage: false })
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('export-dialog')).toHaveCount(0)

  await page.goto(`${origin}/#/profile/no-such-profile/overview`)
  await expect(page.getByTestId('not-found')).toContainText('no-such-profile')
  await check('not found')
  return violations
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe, ${colorScheme} theme: no serious violation on any main view`, async ({ browser }) => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 800 },
    })
    try {
      const page = await context.newPage()
      const app = new AppPage(page, `test-results/screenshots/cockpit-axe-${colorScheme}`)
      const running = server
      if (!running) throw new Error('the shared browser-mode server did not start')
      const violations = await checkEveryView(page, app, running.url, running.origin)
      // The theme the page saw is the one asked for.
      expect(await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")).toBe(
        colorScheme === 'dark',
      )
      expect(violations).toEqual([])
    } finally {
      await context.close()
    }
  })
}
