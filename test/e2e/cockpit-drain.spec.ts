/**
 * Drain with progress, then resume, in Chromium against browser mode: a load-lab workload keeps
 * about six connections busy with 4 s pg_sleep queries (started 1/3 s apart, so they come back
 * one by one);
 * the drain (with a deadline) stops handing out connections, its progress bar moves through the
 * connections that came back until none is in use ("Drained", and the server runs none of the
 * workload's queries any more); Resume hands out connections again: the pool is running and the
 * workload's queries run on the server again.
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { startLoadLab } from './support/load-lab'
import { e2ePg, lifeguardRunning } from './support/pg'
import type { PageGlobals } from './support/page-types'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'
const SLEEP = '%pg_sleep%'

/** Every value the progress bar's in-use count takes, recorded in the page as it changes. */
function recordDrainProgress(): void {
  const page = globalThis as unknown as PageGlobals & { __drainInUse: string[] }
  const seen: string[] = []
  page.__drainInUse = seen
  const note = () => {
    const bar = page.document.querySelector('[data-testid="drain-progress"]')
    const value = bar?.getAttribute('data-in-use')
    if (value != null && seen[seen.length - 1] !== value) seen.push(value)
  }
  new page.MutationObserver(note).observe(page.document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-in-use'],
  })
}

test('drain with a deadline: the progress bar moves to none in use, then resume', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-drain')
  const server = await launch()
  await page.goto(server.url)
  await addConnected(app, profileFor(NAME, pg))
  await app.openProfile(NAME, 'settings')
  await startLoadLab(page, { clients: 6, ratePerSecond: 3, sleepMs: 4_000 })
  await expect
    .poll(() => lifeguardRunning(pg, SLEEP), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(5)
  await page.getByTestId('tab-overview').click()
  const poolState = page.getByTestId('pool-state')
  await expect(poolState).toHaveText('Pool running')
  await app.shot('workload-holding-connections')

  await page.evaluate(recordDrainProgress)
  await page.getByRole('button', { name: 'Drain…' }).click()
  const dialog = page.getByTestId('drain-dialog')
  await expect(dialog.getByText(/the \d+ in use now can finish/)).toBeVisible()
  await dialog.getByLabel('Deadline (seconds)').fill('30')
  await dialog.getByLabel(/Cancel their queries/).check()
  await app.shot('drain-dialog', { fullPage: false })
  await dialog.getByRole('button', { name: 'Start drain' }).click()
  await expect(dialog).toHaveCount(0)

  const progress = page.getByTestId('drain-progress')
  const bar = progress.getByRole('progressbar', { name: 'Connections returned' })
  await expect(progress).toHaveAttribute('data-phase', 'draining')
  await expect(poolState).toHaveText('Pool draining')
  await expect(progress.getByTestId('drain-countdown')).toHaveText(/^deadline in \d+ s$/)
  const atStart = Number(
    /of (\d+) connections/.exec(
      (await progress.getByTestId('drain-in-use').textContent()) ?? '',
    )?.[1],
  )
  // Six clients, each back in its next 4 s query within half a second of the last one.
  expect(atStart).toBeGreaterThanOrEqual(3)
  // Part way: some came back, some are still in use.
  await expect
    .poll(async () => Number(await progress.getAttribute('data-in-use')))
    .toBeLessThan(atStart)
  const part = Number(await progress.getAttribute('data-in-use'))
  if (part > 0) await app.shot('draining-part-way')

  await expect(progress).toHaveAttribute('data-phase', 'drained', { timeout: 15_000 })
  await expect(progress).toHaveAttribute('data-in-use', '0')
  await expect(bar).toHaveAttribute('aria-valuenow', '100')
  await expect(progress.getByTestId('drain-in-use')).toHaveText(
    `0 of ${atStart} connections still in use`,
  )
  await expect(progress).toContainText('Ended before the deadline')
  await expect(poolState).toHaveText('Pool drained')
  expect(await lifeguardRunning(pg, SLEEP)).toBe(0)
  // The bar moved through the connections one by one, never back up.
  const steps = (
    await page.evaluate(() => (globalThis as unknown as { __drainInUse: string[] }).__drainInUse)
  ).map(Number)
  expect(steps[0]).toBe(atStart)
  expect(steps.at(-1)).toBe(0)
  expect(steps.length).toBeGreaterThanOrEqual(3)
  expect(steps).toEqual([...steps].sort((a, b) => b - a))
  // Sampling is paused while drained: the server gauge says its figures are from before.
  await expect(page.getByTestId('server-gauge-paused')).toContainText(
    'sampling paused by the drain; as of',
  )
  await app.shot('drained')

  await page
    .getByRole('toolbar', { name: 'Pool control' })
    .getByRole('button', { name: 'Resume' })
    .click()
  await expect(progress).toHaveAttribute('data-phase', 'resumed')
  await expect(poolState).toHaveText('Pool running')
  await expect(page.getByRole('button', { name: 'Drain…' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeDisabled()
  await expect(page.getByTestId('server-gauge-paused')).toHaveCount(0)
  // The workload hands its queries to the pool again.
  await expect.poll(() => lifeguardRunning(pg, SLEEP), { timeout: 15_000 }).toBeGreaterThan(0)
  await app.shot('resumed')
})
