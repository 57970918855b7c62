/**
 * Shutdown with its confirmation, in Chromium against browser mode: a load-lab workload holds
 * three connections in long pg_sleep queries; "Shut down…" asks first, naming how many
 * connections are in use and will be terminated; Cancel changes nothing; confirming ends the
 * pool at once: the toast counts what was terminated and closed, the profile is disconnected,
 * and the server agrees that no session of Lifeguard's is left.
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { startLoadLab } from './support/load-lab'
import { e2ePg, lifeguardRunning, lifeguardSessions } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'

test('shutdown names the connections in use, then the server has none of them left', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-shutdown')
  const server = await launch()
  await page.goto(server.url)
  await addConnected(app, profileFor(NAME, pg))
  await app.openProfile(NAME, 'settings')
  await startLoadLab(page, { clients: 3, ratePerSecond: 3, sleepMs: 60_000 })
  await expect.poll(() => lifeguardRunning(pg, '%pg_sleep%'), { timeout: 15_000 }).toBe(3)
  await page.getByTestId('tab-overview').click()
  await expect
    .poll(async () =>
      Number(await page.getByTestId('overview-pool').locator('strong').first().textContent()),
    )
    .toBeGreaterThanOrEqual(3)

  // Asked first: the title names the profile, the text the connections it ends.
  const shutDown = page.getByRole('button', { name: 'Shut down…' })
  await shutDown.click()
  const dialog = page.getByTestId('shutdown-dialog')
  await expect(dialog.getByRole('heading')).toHaveText(`Shut down “${NAME}”?`)
  const text = dialog.getByTestId('shutdown-text')
  await expect(text).toContainText(/\d+ connections are in use and will be terminated/)
  const named = Number(/(\d+) connections are in use/.exec((await text.textContent()) ?? '')?.[1])
  expect(named).toBeGreaterThanOrEqual(3)
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await app.shot('shutdown-confirmation', { fullPage: false })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect(await lifeguardRunning(pg, '%pg_sleep%')).toBe(3)

  await shutDown.click()
  await dialog.getByRole('button', { name: 'Shut down', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  const toast = page.getByTestId('toast').last()
  await expect(toast).toContainText(`“${NAME}” shut down:`)
  const terminated = Number(
    /(\d+) connections? terminated/.exec((await toast.textContent()) ?? '')?.[1],
  )
  expect(terminated).toBeGreaterThanOrEqual(3)
  await expect(page.getByTestId('profile-view')).toHaveAttribute('data-state', 'disconnected')
  await expect(page.getByTestId('pool-state')).toHaveCount(0)
  // The server agrees: no query of the workload, no session of Lifeguard's.
  await expect.poll(() => lifeguardRunning(pg, '%pg_sleep%')).toBe(0)
  await expect.poll(() => lifeguardSessions(pg)).toBe(0)
  await app.shot('shut-down')
})
