/**
 * An outage watched live on the Health tab (Chromium against browser mode, a PostgreSQL of the
 * test's own): the page stays open on the tab while the server stops; the failed attempts
 * appear on the timeline as they happen, the circuit breaker opens (the profile is set to count
 * as unavailable after 3 s instead of 30 s, so the test stays short) with its critical alert in
 * the header's badge; the server starts again and Lifeguard's own next scheduled attempt
 * connects: the newest attempt is a scheduled success, the breaker closes, the alert resolves.
 * (health-timeline.spec.ts covers the card's countdown, a reloaded timeline and Reconnect now.)
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/outage-server'
import { addConnected, profileFor } from './support/profile-setup'

const NAME = 'billing replica'

test('outage on the Health tab: failed attempts, the breaker opens, connected again', async ({
  page,
  launch,
  outagePg,
}) => {
  test.setTimeout(90_000)
  const app = new AppPage(page, 'test-results/screenshots/cockpit-health-outage')
  const server = await launch()
  await page.goto(server.url)
  const pg = await outagePg.ready
  await addConnected(app, {
    ...profileFor(NAME, pg),
    overrides: { 'Unavailable after (ms)': '3000' },
  })
  await app.openProfile(NAME, 'health')
  const health = page.getByTestId('health-dialog')
  await expect(health).toHaveAttribute('data-state', 'connected')
  const breaker = health.getByTestId('breaker-state')
  await expect(breaker).toHaveAttribute('data-breaker', 'closed')
  await app.shot('healthy')

  await outagePg.server.stop()
  const failed = health.locator('[data-testid="attempt-row"][data-outcome="failure"]')
  await expect(failed.first()).toBeVisible({ timeout: 15_000 })
  await expect(health).toHaveAttribute('data-state', /^(connecting|failed)$/)
  await expect(health.getByTestId('attempt-message').first()).toContainText(/\S/)
  await app.shot('first-failed-attempt')
  await expect(breaker).toHaveAttribute('data-breaker', 'open', { timeout: 15_000 })
  await expect(breaker).toHaveText(/Breaker open/)
  await expect.poll(() => failed.count()).toBeGreaterThanOrEqual(2)
  const badge = page.getByTestId('critical-badge')
  await expect(badge).toHaveAttribute('data-count', '1')
  await app.shot('breaker-open')

  // Back: no click, Lifeguard's next scheduled attempt finds it.
  await outagePg.server.start()
  await expect(health).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  const newest = health.getByTestId('attempt-row').first()
  await expect(newest).toHaveAttribute('data-outcome', 'success')
  await expect(newest).toHaveAttribute('data-trigger', 'scheduled')
  await expect(breaker).toHaveAttribute('data-breaker', 'closed')
  await expect(badge).toHaveCount(0)
  await app.shot('connected-again')
})
