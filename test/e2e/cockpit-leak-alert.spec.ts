/**
 * A connection leak reaches the DBA, in Chromium against browser mode: a leak planted through the
 * load lab (started from the UI) is held past the pool's leak threshold, the profile's Alerts tab
 * lists it with its holder, the browser raises a notification, the header's badge and the page
 * title count it; with the profile muted the next leak is listed and counted but raises no
 * notification; stopping the load lab gives the leaks back and the alerts resolve.
 *
 * Kept short honestly: browser mode is started with `--leak-detection-ms 1500` (every pool's
 * leak threshold; the default is 30 s) and the load lab plants a leak every 3 s, each held until
 * the load lab stops (so each leak is on a connection of its own: a new alert, not a reopened
 * one).
 * Notifications: the permission is granted to the app's origin and `window.Notification` is a
 * recording subclass of the real one (support/notification-recorder.ts).
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { startLoadLab, stopLoadLab } from './support/load-lab'
import { recordedNotifications, recordNotifications } from './support/notification-recorder'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'

test('a planted leak: alert, notification, badge; muted, the next one only counts', async ({
  page,
  context,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-leak-alert')
  const server = await launch(['--leak-detection-ms', '1500'])
  await recordNotifications(context, server.origin)
  await page.goto(server.url)
  // Permission granted: the header offers the on/off switch, not "Enable notifications".
  await expect(page.getByTestId('notifications-state')).toHaveAttribute('data-state', 'on')
  const card = await addConnected(app, profileFor(NAME, pg))
  const profileId = await card.getAttribute('data-profile-id')
  await expect(page.getByTestId('critical-badge')).toHaveCount(0)

  await app.openProfile(NAME, 'settings')
  await startLoadLab(page, {
    clients: 1,
    ratePerSecond: 1,
    leak: { everySeconds: 3, holdMs: 60_000 },
  })
  await app.shot('load-lab-leak-planted')

  // The first leak: listed with its holder, notified, counted.
  await page.getByTestId('tab-alerts').click()
  const leaks = page.locator('[data-testid="alert-item"][data-kind="leak"]')
  const openLeaks = page.locator(
    '[data-testid="alert-item"][data-kind="leak"][data-resolved="false"]',
  )
  await expect(openLeaks.first()).toBeVisible()
  const first = openLeaks.first()
  await expect(first.getByTestId('leak-holder')).toHaveText('load lab: planted leak')
  const firstId = await first.getAttribute('data-alert-id')
  await expect
    .poll(async () => (await recordedNotifications(page)).map((n) => n.tag))
    .toContain(`lifeguard-${profileId}-${firstId}`)
  const notified = (await recordedNotifications(page)).find(
    (n) => n.tag === `lifeguard-${profileId}-${firstId}`,
  )
  expect(notified?.title).toBe(`‼ ${NAME}: Pool leak`)
  expect(notified?.body).toContain('load lab: planted leak')
  expect(JSON.stringify(await recordedNotifications(page))).not.toContain(pg.password)
  const badge = page.getByTestId('critical-badge')
  await expect(badge).toHaveAttribute('data-count', /^[1-9]\d*$/)
  await expect(page).toHaveTitle(/^\(\d+\) Lifeguard$/)
  await app.shot('leak-alert-notified')

  // Muted: a leak raised from now on is listed and counted, and not notified.
  const mute = page.getByTestId('mute-toggle').getByRole('checkbox')
  // The box follows main's stored preference: it turns checked once main has answered.
  await mute.click()
  await expect(mute).toBeChecked()
  await expect(mute).toBeEnabled()
  const seenAtMute = new Set(
    await leaks.evaluateAll((rows) => rows.map((r) => r.dataset['alertId'])),
  )
  const notifiedAtMute = (await recordedNotifications(page)).length
  await expect
    .poll(
      async () =>
        (await leaks.evaluateAll((rows) => rows.map((r) => r.dataset['alertId']))).some(
          (id) => !seenAtMute.has(id),
        ),
      { timeout: 15_000 },
    )
    .toBe(true)
  // The notifier decides when the store takes the alert, before React shows it: nothing came.
  expect((await recordedNotifications(page)).length).toBe(notifiedAtMute)
  // Counted all the same: the badge holds every open leak, muted or not.
  await expect
    .poll(async () => Number(await badge.getAttribute('data-count')))
    .toBeGreaterThanOrEqual(2)
  await app.shot('muted-leak-counted-not-notified')

  // The load lab stops: its leaks are given back, the alerts resolve, the badge goes.
  await page.getByTestId('tab-settings').click()
  await stopLoadLab(page)
  await page.getByTestId('tab-alerts').click()
  await expect(openLeaks).toHaveCount(0)
  await expect(badge).toHaveCount(0)
  await expect(page).toHaveTitle('Lifeguard')
  await app.shot('leaks-resolved')
})
