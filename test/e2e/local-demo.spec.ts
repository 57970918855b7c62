/** `npm start` on a fresh install: the local demo is connected with live numbers, no set-up. */
import { expect, test } from './support/fixtures'
import { AppPage } from './support/app-page'

test('starting with --demo shows the local demo connected, with counts that move', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/local-demo')
  const server = await launch(['--demo'])
  expect(server.output()).toContain('Local demo connected')
  await page.goto(server.url)
  const card = app.card('Local demo')
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect.poll(() => app.count('Local demo', 'total')).toBeGreaterThanOrEqual(2)

  // The demo workload keeps connections busy: within a few seconds some are seen in use,
  // and the figures change (refreshed at least once a second).
  const seen = new Set<string>()
  await expect
    .poll(
      async () => {
        const active = await app.count('Local demo', 'active')
        const idle = await app.count('Local demo', 'idle')
        seen.add(`${active}/${idle}`)
        return seen.size
      },
      { timeout: 15_000, intervals: [250] },
    )
    .toBeGreaterThanOrEqual(2)
  await app.shot('demo-connected')
  // The pool engine's own figures since connect, on the profile's overview.
  const view = await app.openProfile('Local demo')
  await expect(view.getByTestId('pool-min')).toHaveText('min 2')
  await expect
    .poll(async () => parseInt((await view.getByTestId('pool-acquires').textContent()) ?? '0', 10))
    .toBeGreaterThan(0)
  await expect(view.getByTestId('pool-wait-p99')).toContainText(/p99 (\d|< 0\.01)/)
  await app.shot('demo-overview')
})

test('the empty state starts the local demo with one click', async ({ page, launch }) => {
  const app = new AppPage(page, 'test-results/screenshots/local-demo-button')
  const server = await launch()
  await page.goto(server.url)
  await app.shot('empty')
  await page.getByRole('button', { name: 'Start local demo' }).click()
  await expect(app.card('Local demo')).toHaveAttribute('data-state', 'connected', {
    timeout: 30_000,
  })
  await app.shot('demo-started')
  await app.card('Local demo').getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect(app.card('Local demo')).toHaveAttribute('data-state', 'disconnected')
})
