/**
 * An outage as a DBA sees it, in real Chromium against browser mode and a PostgreSQL of the
 * test's own: connected and healthy; the server stops; the card shows the failure, its class and a
 * countdown to the next attempt; the Health tab (loaded from main after a page reload) charts
 * and lists the failed attempts; the server comes back and "Reconnect now" connects at once.
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/outage-server'

const SHOT = 'test-results/health-timeline-outage.png'

test('outage: countdown on the card, retry timeline, Reconnect now', async ({
  page,
  launch,
  outagePg,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/health-timeline')
  // The test's PostgreSQL initialises meanwhile.
  const server = await launch()
  await page.goto(server.url)
  await app.openForm()
  const pg = await outagePg.ready
  await app.fillForm({
    name: 'billing replica',
    host: pg.host,
    port: pg.port,
    database: pg.database,
    user: pg.user,
    password: pg.password,
    sslmode: 'disable',
  })
  await app.save()
  const card = app.card('billing replica')
  await card.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect(card.getByTestId('health-level')).toHaveAttribute('data-level', 'healthy')
  await expect(card.getByTestId('health-level')).toHaveText(/Healthy/)
  await expect(card.getByTestId('probe-latency')).toHaveText(/probe \d+(\.\d+)? ms/)
  await app.shot('connected-healthy')

  // The outage.
  await outagePg.server.stop()
  await expect(card).toHaveAttribute('data-state', /^(connecting|failed)$/)
  await expect(card.getByTestId('next-attempt')).toHaveText(/Next attempt (in \d+ s|due now)/)
  await expect(card.getByTestId('health-level')).toHaveAttribute('data-level', /warning|critical/)
  await expect(card.getByTestId('card-error')).toBeVisible()
  await expect(card.getByRole('button', { name: 'Reconnect now' })).toBeVisible()
  await expect(card.getByRole('button', { name: 'Disconnect' })).toBeEnabled()
  await app.shot('card-during-outage')

  // A fresh page knows nothing: the health view loads the timeline from main.
  await page.reload()
  await app.openProfile('billing replica', 'health')
  const dialog = page.getByTestId('health-dialog')
  await expect(dialog).toBeVisible()
  const failedScheduled = dialog.locator(
    '[data-testid="attempt-row"][data-outcome="failure"][data-trigger="scheduled"]',
  )
  await expect.poll(() => failedScheduled.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
  await expect(dialog.getByTestId('next-attempt')).toHaveText(/^(in \d+ s|due now)$/)
  await expect(dialog.getByTestId('breaker-state')).toHaveAttribute('data-breaker', 'closed')
  await expect(dialog.getByTestId('attempt-message').first()).toContainText(/\S/)
  await page.screenshot({ path: SHOT })

  // Newest first.
  const times = await dialog
    .getByTestId('attempt-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-at'))))
  expect(times.length).toBeGreaterThanOrEqual(3)
  expect(times).toEqual([...times].sort((a, b) => b - a))

  // The database comes back; Reconnect now connects without waiting for the schedule. Both happen
  // well before the next scheduled attempt, so the success on the timeline is the manual one.
  const countdown = dialog.getByTestId('next-attempt')
  const secondsLeft = async () =>
    Number(/in (\d+) s/.exec((await countdown.textContent()) ?? '')?.[1] ?? 0)
  await expect.poll(secondsLeft, { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
  await outagePg.server.start()
  await dialog.getByRole('button', { name: 'Reconnect now' }).click()
  await expect(dialog).toHaveAttribute('data-state', 'connected', { timeout: 5_000 })
  const newest = dialog.getByTestId('attempt-row').first()
  await expect(newest).toHaveAttribute('data-outcome', 'success')
  await expect(newest).toHaveAttribute('data-trigger', 'manual')
  await app.shot('reconnected')
  await app.backToFleet()
  await expect(dialog).toHaveCount(0)
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect(card.getByTestId('next-attempt')).toHaveCount(0)
  await card.getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'disconnected')
})
