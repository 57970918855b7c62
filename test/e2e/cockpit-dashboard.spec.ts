/**
 * The fleet dashboard as a DBA reads it, in Chromium against browser mode: the local demo (with
 * its workload) plus two profiles of the DBA's own in a "production" group, one coloured and
 * connected to a real PostgreSQL, one pointing at a port nothing listens on (failing, retrying).
 * Each card shows its group and colour by name, its state and health light as icon and words,
 * a probe-latency sparkline that is drawn, the pool gauge against the pool's max and the server
 * gauge against the server's limit; the summary line counts them; sorting reorders the group's
 * cards and the filters (state, group, text) narrow them and clear again.
 *
 * With LIFEGUARD_UPDATE_README_SHOT=1 a last step writes the README's screenshot
 * (resources/screenshot.png, 1280x800, light theme): the demo's overview once it has a couple of
 * minutes of history (so that run takes about three minutes; a normal run writes nothing there).
 */
import path from 'node:path'
import { findFreePort } from '../../src/main/engine/demo/free-port'
import { AppPage } from './support/app-page'
import { paintedPixels } from './support/canvas'
import { expect, test } from './support/fixtures'
import { e2ePg } from './support/pg'
import { addConnected, addProfile, profileFor } from './support/profile-setup'

const pg = e2ePg()
const README_SHOT = path.resolve(import.meta.dirname, '../../resources/screenshot.png')

test('the demo and two profiles: cards, health, sparklines, gauges, sorting and filters', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-dashboard')
  const server = await launch(['--demo'])
  await page.goto(server.url)
  const demo = app.card('Local demo')
  await expect(demo).toHaveAttribute('data-state', 'connected')

  const orders = await addConnected(app, {
    ...profileFor('orders primary', pg),
    group: 'production',
    color: 'Purple',
  })
  const deadPort = await findFreePort()
  const reporting = await addProfile(app, {
    ...profileFor('reporting replica', pg),
    port: deadPort,
    group: 'production',
  })
  await reporting.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(reporting).toHaveAttribute('data-state', /^(connecting|failed)$/)

  // Groups: named ones by name ("Demo", "production"), each with its count.
  const groups = page.getByTestId('profile-group')
  await expect(groups).toHaveCount(2)
  expect(await groups.evaluateAll((g) => g.map((s) => s.dataset['group']))).toEqual([
    'Demo',
    'production',
  ])
  await expect(groups.nth(1).locator('.group-count')).toHaveText('2')

  // Colour by name, never alone.
  await expect(orders).toHaveClass(/pc-purple/)
  await expect(orders.locator('.fc-sub')).toContainText('Purple')
  await expect(demo.locator('.fc-sub')).toContainText('Teal')

  // Health lights: icon and words; the failing one says why and when it tries again.
  for (const card of [demo, orders]) {
    await expect(card.getByTestId('state')).toHaveText('Connected')
    await expect(card.getByTestId('health-level')).toHaveAttribute('data-level', 'healthy')
    await expect(card.getByTestId('health-level')).toHaveText(/Healthy/)
    await expect(card.getByTestId('probe-latency')).toHaveText(/^probe \d+(\.\d+)? ms$/)
  }
  await expect(reporting.getByTestId('card-error')).toContainText(/refused|connect/i)
  await expect(reporting.getByTestId('next-attempt')).toHaveText(/Next attempt (in \d+ s|due now)/)
  await expect(reporting.getByTestId('health-level')).toHaveAttribute(
    'data-level',
    /warning|critical/,
  )
  await expect(page.getByTestId('summary-profiles')).toHaveText('3 profiles')
  await expect(page.getByTestId('summary-connected')).toHaveText(/2 connected/)
  await expect(page.getByTestId('summary-failing')).toHaveText(/1 failing/)

  // Sparklines: drawn from the probes (pixels on the canvas), for the connected ones.
  for (const card of [demo, orders]) {
    const spark = card.locator('canvas.sparkline')
    await expect(spark).toHaveAttribute('aria-label', 'Probe latency over the last 2 minutes')
    await expect.poll(() => paintedPixels(spark)).toBeGreaterThan(0)
  }

  // Gauges: the pool against its max (demo 8, profile default 10), the server against its limit.
  await expect(demo.getByTestId('count-max')).toHaveText('8')
  await expect(orders.getByTestId('count-max')).toHaveText('10')
  await expect(
    orders.getByRole('img', { name: /^Pool usage: \d+ active, \d+ idle, \d+ free of 10$/ }),
  ).toBeVisible()
  for (const card of [demo, orders])
    await expect(card.getByTestId('server-gauge-text')).toHaveText(/^\d+ \/ \d+ · (<1|\d+) %$/)
  await expect(reporting.getByTestId('server-gauge-waiting')).toHaveText('–')
  await app.shot('three-profiles')

  // Sorting within the group: by name, then problems first.
  const production = groups.nth(1).getByTestId('profile-card')
  const names = () => production.evaluateAll((cards) => cards.map((c) => c.dataset['profileName']))
  expect(await names()).toEqual(['orders primary', 'reporting replica'])
  await page.getByLabel('Sort by').selectOption('state')
  await expect.poll(names).toEqual(['reporting replica', 'orders primary'])
  await app.shot('sorted-problems-first')

  // Filters: state, group, text; each says how many it shows.
  const shown = page.getByTestId('dashboard-shown')
  await page.getByLabel('State', { exact: true }).selectOption('connecting')
  await expect(page.getByTestId('profile-card')).toHaveCount(1)
  await expect(reporting).toBeVisible()
  await expect(shown).toHaveText('1 of 3 shown')
  await app.shot('filter-retrying')
  await page.getByLabel('State', { exact: true }).selectOption('all')
  await page.getByLabel('Group', { exact: true }).selectOption('production')
  await expect(page.getByTestId('profile-card')).toHaveCount(2)
  await expect(demo).toHaveCount(0)
  await expect(shown).toHaveText('2 of 3 shown')
  await app.shot('filter-group')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.keyboard.press('/')
  await expect(page.getByLabel('Filter', { exact: true })).toBeFocused()
  await page.keyboard.type('demo')
  await expect(page.getByTestId('profile-card')).toHaveCount(1)
  await expect(demo).toBeVisible()
  await expect(shown).toHaveText('1 of 3 shown')
  await app.shot('filter-text')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('profile-card')).toHaveCount(3)
  await expect(shown).toHaveText('3 profiles')
  await page.getByLabel('Sort by').selectOption('name')
  await page.locator('body').click({ position: { x: 5, y: 790 } }) // no focus ring in the picture
  await app.shot('fleet')

  if (process.env['LIFEGUARD_UPDATE_README_SHOT'] === '1') {
    // The README's picture: the demo's overview once its charts hold a couple of minutes (long
    // enough for the demo's first planted leak to be reported, too). Only when asked for.
    test.setTimeout(300_000)
    await app.openProfile('Local demo')
    const points = async () => {
      await page.reload()
      const text = await page.getByTestId('history-points').textContent()
      return parseInt(text ?? '0', 10)
    }
    await expect.poll(points, { timeout: 240_000, intervals: [10_000] }).toBeGreaterThanOrEqual(130)
    await page.mouse.move(0, 0)
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({ path: README_SHOT, fullPage: false })
  }
})
