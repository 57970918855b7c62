/**
 * A database that goes away while its pool is drained (a DBA drained it before maintenance),
 * watched on the profile's Health tab in Chromium against browser mode, on a PostgreSQL of the
 * test's own: the drained pool would refuse Lifeguard's probe, so the probe runs on a connection
 * of its own and the profile turns failed while the control bar still says "Pool drained"; the
 * server starts again and the profile is connected with the pool still drained (nothing reopens
 * behind the DBA's back); Resume runs the pool again.
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/outage-server'
import { addConnected, profileFor } from './support/profile-setup'

const NAME = 'ledger primary'

test('drained, then the server stops: failed with the pool still drained; back, then Resume', async ({
  page,
  launch,
  outagePg,
}) => {
  test.setTimeout(90_000)
  const app = new AppPage(page, 'test-results/screenshots/cockpit-drain-outage')
  const server = await launch()
  await page.goto(server.url)
  const pg = await outagePg.ready
  await addConnected(app, profileFor(NAME, pg))
  await app.openProfile(NAME, 'health')
  const view = page.getByTestId('profile-view')
  const poolState = page.getByTestId('pool-state')
  await expect(view).toHaveAttribute('data-state', 'connected')

  await page.getByRole('button', { name: 'Drain…' }).click()
  const dialog = page.getByTestId('drain-dialog')
  await dialog.getByRole('button', { name: 'Start drain' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(poolState).toHaveText('Pool drained')
  await expect(view).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('drain-in-use')).toHaveText('none was in use when it started')
  await app.shot('drained')

  await outagePg.server.stop()
  await expect(view).toHaveAttribute('data-state', 'failed', { timeout: 15_000 })
  await expect(poolState).toHaveText('Pool drained')
  const health = page.getByTestId('health-dialog')
  const failed = health.locator('[data-testid="attempt-row"][data-outcome="failure"]')
  await expect.poll(() => failed.count()).toBeGreaterThanOrEqual(2)
  // The first failure was the probe on its own connection: the drained pool refused nothing.
  const failedProbe = health.locator(
    '[data-testid="attempt-row"][data-trigger="probe"][data-outcome="failure"]',
  )
  await expect(failedProbe).toHaveCount(1)
  await app.shot('drained-and-failed')

  await outagePg.server.start()
  await expect(view).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  await expect(poolState).toHaveText('Pool drained')
  await app.shot('back-still-drained')

  await page
    .getByRole('toolbar', { name: 'Pool control' })
    .getByRole('button', { name: 'Resume' })
    .click()
  await expect(poolState).toHaveText('Pool running')
  await expect(view).toHaveAttribute('data-state', 'connected')
  await app.shot('resumed')
})
