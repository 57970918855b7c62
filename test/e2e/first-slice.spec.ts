/**
 * The foundation's vertical slice, driven as a DBA would in real Chromium against browser mode:
 * add a profile, test it (bad and good password), connect, watch live counts, disconnect (the
 * server shows no connection left), restart the app, and find the profile still there.
 */
import { expect, test } from './support/fixtures'
import fs from 'node:fs'
import path from 'node:path'
import { AppPage } from './support/app-page'
import { e2ePg, lifeguardSessions } from './support/pg'

const pg = e2ePg()

test('add, test, connect, watch, disconnect, restart', async ({ page, launch, dataDir }) => {
  const app = new AppPage(page, 'test-results/screenshots/first-slice')
  const server = await launch()
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Start local demo' })).toBeVisible()
  await app.shot('empty-state')

  await app.openForm()
  await app.fillForm({
    name: 'orders primary',
    host: pg.host,
    port: pg.port,
    database: pg.database,
    user: pg.user,
    password: 'definitely-wrong',
    sslmode: 'disable',
  })
  const bad = await app.testFromForm()
  await expect(bad).toHaveAttribute('data-ok', 'false')
  await expect(bad).toContainText(`password authentication failed for user "${pg.user}"`)
  await expect(page.locator('body')).not.toContainText('definitely-wrong')
  await app.shot('test-wrong-password')

  await page.getByLabel('Password', { exact: true }).fill(pg.password)
  const good = await app.testFromForm()
  await expect(good).toHaveAttribute('data-ok', 'true')
  await expect(good).toContainText(/PostgreSQL \d+/)
  await expect(good).toContainText(/\d+(\.\d+)? ms/)
  await app.shot('test-ok')
  await app.save()

  const card = app.card('orders primary')
  await expect(card).toBeVisible()
  await expect(card).toHaveAttribute('data-state', 'disconnected')
  await card.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect(card.getByTestId('server-version')).toContainText(/\d+/)
  // Lifeguard's own probe and session sample borrow a pool connection now and then, so the card's
  // figures are read in one go (one moment of the page) and compared with the server until all
  // agree at rest: at least the pool's min open, every one idle, the server seeing as many.
  const atRest = async () => {
    const shown = await card.evaluate((el) => {
      const n = (id: string) => Number(el.querySelector(`[data-testid="${id}"]`)?.textContent)
      return { total: n('count-total'), idle: n('count-idle'), active: n('count-active') }
    })
    const server = await lifeguardSessions(pg)
    return {
      minOpen: shown.total >= 2,
      allIdle: shown.idle === shown.total && shown.active === 0,
      serverAgrees: server === shown.total,
    }
  }
  await expect.poll(atRest).toEqual({ minOpen: true, allIdle: true, serverAgrees: true })
  await app.shot('connected-live-counts')

  await card.getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'disconnected')
  await expect.poll(() => lifeguardSessions(pg)).toBe(0)
  await app.shot('disconnected')

  // Restart the app: the profile is still there (its password is not: session only).
  await server.stop()
  const restarted = await launch()
  await page.goto(restarted.url)
  const again = app.card('orders primary')
  await expect(again).toBeVisible()
  await expect(again).toHaveAttribute('data-state', 'disconnected')
  const saved = fs.readFileSync(path.join(dataDir, 'profiles.json'), 'utf8')
  expect(saved).toContain('orders primary')
  expect(saved).not.toContain(pg.password)
  await app.shot('after-restart')

  // Connecting now asks for the password once.
  await again.getByRole('button', { name: 'Connect', exact: true }).click()
  await again.getByLabel('Password', { exact: true }).fill(pg.password)
  await again.getByRole('button', { name: 'Connect', exact: true }).last().click()
  await expect(again).toHaveAttribute('data-state', 'connected')
  await app.shot('reconnected-after-password')
  await again.getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect.poll(() => lifeguardSessions(pg)).toBe(0)
})
