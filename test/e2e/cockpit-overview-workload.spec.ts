/**
 * A profile's Overview under a workload the DBA starts from the UI (the load lab on the Settings
 * tab: pg_sleep queries through the profile's pool), in Chromium against browser mode: the load
 * lab reports completed queries at about its target rate, the pool's figures move, the four live
 * charts are redrawn with new samples (their pictures change), and the range switch asks main
 * for the history of the hour, then of the 5 min again (seen on the page's WebSocket), shows how
 * many points it loaded, and the charts stay live.
 */
import { AppPage } from './support/app-page'
import { canvasPicture } from './support/canvas'
import { expect, test } from './support/fixtures'
import { startLoadLab } from './support/load-lab'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'
import type { Locator, Page } from '@playwright/test'

const pg = e2ePg()
const NAME = 'orders primary'
const CHARTS = ['chart-connections', 'chart-wait', 'chart-acquires', 'chart-timeouts'] as const

/** Resolves once every live chart's picture differs from the one it had when called. */
async function chartsMove(page: Page, charts: readonly string[]): Promise<void> {
  const canvases: Locator[] = charts.map((id) => page.getByTestId(id).locator('canvas'))
  const before = await Promise.all(canvases.map(canvasPicture))
  for (const [i, canvas] of canvases.entries())
    await expect.poll(() => canvasPicture(canvas), { message: charts[i] }).not.toBe(before[i])
}

const count = async (locator: Locator) => parseInt((await locator.textContent()) ?? '', 10)

test('the overview under a load-lab workload: figures and charts move, 5 min / 1 h', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-overview-workload')
  // The history ranges the page asks main for (its invokes on the WebSocket).
  const asked: string[] = []
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as {
        type?: string
        channel?: string
        request?: { range?: string }
      }
      if (message.type === 'invoke' && message.channel === 'metrics:get-history')
        asked.push(message.request?.range ?? '?')
    }),
  )
  const server = await launch()
  await page.goto(server.url)
  await addConnected(app, profileFor(NAME, pg))
  await app.openProfile(NAME, 'settings')
  await startLoadLab(page, { clients: 4, ratePerSecond: 8, sleepMs: 250 })
  const completed = page.getByTestId('loadlab-completed')
  await expect.poll(() => count(completed)).toBeGreaterThan(8)
  // The achieved rate (over a 10 s window) climbs towards the target of 8/s.
  await expect
    .poll(async () => parseFloat((await page.getByTestId('loadlab-rate').textContent()) ?? ''))
    .toBeGreaterThan(2)
  await app.shot('load-lab-running')

  await page.getByTestId('tab-overview').click()
  const view = page.getByTestId('overview-tab')
  await expect(view.getByRole('heading', { name: 'Over the last 5 min' })).toBeVisible()
  await expect(view.getByTestId('history-points')).toHaveText(
    /^\d+ points? of history \(1 per second\)$/,
  )
  // The pool's figures: the workload's acquires add up; connections are seen in use.
  const acquires = view.getByTestId('pool-acquires')
  const seen = await count(acquires)
  await expect.poll(() => count(acquires)).toBeGreaterThan(seen)
  await expect
    .poll(async () =>
      Number(await view.getByTestId('overview-pool').locator('strong').first().textContent()),
    )
    .toBeGreaterThan(0)
  await chartsMove(page, CHARTS)
  const fiveMinutes = await count(view.getByTestId('history-points'))
  expect(fiveMinutes).toBeGreaterThan(0)
  // Asked for on each visit of the Overview (the profile opened on it, then came back from
  // Settings), for the 5 min range.
  expect(asked).toEqual(['5m', '5m'])
  await app.shot('overview-5-min')

  await view.getByRole('radio', { name: '1 h' }).check()
  await expect(view.getByRole('heading', { name: 'Over the last 1 h' })).toBeVisible()
  await expect(view.getByRole('radio', { name: '1 h' })).toBeChecked()
  await expect(view.getByTestId('history-points')).toHaveText(
    /^\d+ points? of history \(1 per second\)$/,
  )
  // Loaded again for the hour (also at 1 s): at least what the 5 min had when it loaded.
  expect(asked).toEqual(['5m', '5m', '1h'])
  const oneHour = await count(view.getByTestId('history-points'))
  expect(oneHour).toBeGreaterThanOrEqual(fiveMinutes)
  await chartsMove(page, ['chart-connections', 'chart-acquires'])
  await app.shot('overview-1-h')

  await view.getByRole('radio', { name: '5 min' }).check()
  await expect(view.getByRole('heading', { name: 'Over the last 5 min' })).toBeVisible()
  // Loaded again: at least what the hour had a moment ago (the samples kept coming).
  await expect.poll(() => asked).toEqual(['5m', '5m', '1h', '5m'])
  await expect.poll(() => count(view.getByTestId('history-points'))).toBeGreaterThanOrEqual(oneHour)
  await chartsMove(page, ['chart-connections', 'chart-acquires'])
  await app.shot('overview-5-min-again')
})
