/**
 * The end-to-end test of the write queue (issue 5, "Done when"), in Chromium against
 * browser mode: the history sink is set to a profile whose PostgreSQL the test controls; its
 * tables are created through the UI's consent; the sink's server is stopped and the snapshots of
 * the other (still connected) profile accumulate in the sink's Queue view; the server is started
 * again and the queue drains to zero; the sink's table then holds every snapshot the queue
 * acknowledged, exactly once, in the order taken (queried from the test). Light and dark
 * screenshots of the Queue view at each step; no serious axe finding in the history dialog.
 */
import pg from 'pg'
import type { Page } from '@playwright/test'
import { AppPage } from './support/app-page'
import { seriousViolations } from './support/axe'
import { expect, test } from './support/outage-server'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const SINK = 'history store'
const OTHER = 'orders primary'

async function shotBoth(app: AppPage, page: Page, name: string): Promise<void> {
  await app.shot(`${name}-light`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.shot(`${name}-dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}

test('history sink: snapshots wait in the queue while the sink is down, then land exactly once', async ({
  page,
  launch,
  outagePg,
}) => {
  test.setTimeout(60_000)
  const app = new AppPage(page, 'test-results/screenshots/queue-history-sink')
  const server = await launch()
  await page.goto(server.url)
  const sinkPg = await outagePg.ready
  await addConnected(app, profileFor(SINK, sinkPg))
  await addConnected(app, profileFor(OTHER, e2ePg()))

  // The sink, chosen in the header's dialog; its tables created on consent.
  await page.getByTestId('history-sink-button').click()
  const dialog = page.getByTestId('history-sink-dialog')
  await dialog.getByTestId('history-sink-profile').selectOption({ label: SINK })
  await dialog.getByTestId('history-sink-interval').fill('1')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByTestId('history-sink-summary')).toContainText('waiting for its tables')
  await dialog.getByRole('button', { name: 'Create the tables…' }).click()
  const consent = dialog.getByTestId('history-consent')
  await expect(consent).toContainText('lifeguard.pool_snapshots')
  await expect(consent).toContainText('lifeguard.applied_operations')
  await expect(consent).toContainText(`${sinkPg.database}`)
  await app.shot('tables-consent')
  expect(await seriousViolations(page, 'history sink dialog')).toEqual([])
  await consent.getByRole('button', { name: 'Create the tables' }).click()
  await expect(dialog.getByTestId('history-tables')).toHaveAttribute('data-ready', 'true')
  await expect(dialog.getByTestId('history-sink-summary')).toContainText('a snapshot every 1 s')
  await app.shot('tables-ready')
  await dialog.getByRole('link', { name: `Open the queue of “${SINK}”` }).click()

  const view = page.getByTestId('profile-view')
  await expect(view.getByRole('heading', { level: 2, name: SINK })).toBeVisible()
  const tab = view.getByTestId('queue-tab')
  await expect(tab.getByTestId('queue-sink-note')).toBeVisible()
  await expect(tab.getByTestId('queue-exactly-once')).toHaveAttribute('data-on', 'true')
  const applied = async () => Number(await tab.getByTestId('queue-applied').textContent())
  await expect.poll(applied, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
  await shotBoth(app, page, 'sink-up')

  // The sink's server goes away: the other profile's snapshots accumulate on disk.
  await outagePg.server.stop()
  await expect(view).not.toHaveAttribute('data-state', 'connected', { timeout: 10_000 })
  const depth = async () =>
    Number(await tab.getByTestId('queue-depth-figure').getAttribute('data-depth'))
  await expect.poll(depth, { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
  await expect(tab.getByTestId('queue-state')).toHaveAttribute('data-state', 'waiting-for-database')
  await expect(tab.getByTestId('queue-operation').first()).toContainText('history snapshot')
  const during = await depth()
  await shotBoth(app, page, 'sink-down-accumulating')
  // The fleet shows it too: the sink's card carries its queue depth.
  await app.backToFleet()
  await expect(app.card(SINK).getByTestId('queue-depth')).toHaveText(/^Queue [1-9]\d*$/)
  await expect(app.card(OTHER).getByTestId('queue-depth')).toHaveText('Queue 0')
  await app.shot('fleet-during-outage')
  await app.openProfile(SINK, 'queue')

  // Back: reconnect at once (instead of waiting for the backoff) and watch the queue drain.
  await outagePg.server.start()
  await view
    .getByRole('toolbar', { name: 'Pool control' })
    .getByRole('button', { name: 'Reconnect now' })
    .click()
  await expect(view).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  // Stop taking snapshots, so the counts below stand still.
  await page.getByTestId('history-sink-button').click()
  await dialog.getByTestId('history-sink-profile').selectOption({ label: 'None (off)' })
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByTestId('history-sink-summary')).toContainText('off')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect.poll(depth, { timeout: 15_000 }).toBe(0)
  await expect(tab.getByTestId('queue-state')).toHaveAttribute('data-state', 'idle')
  const enqueued = Number(await tab.getByTestId('queue-enqueued').textContent())
  expect(await applied()).toBe(enqueued)
  expect(enqueued).toBeGreaterThanOrEqual(during + 2)
  await shotBoth(app, page, 'sink-drained')

  // The sink's own view of it: every acknowledged snapshot exactly once, in the order taken.
  const client = new pg.Client({ ...sinkPg, application_name: 'lifeguard-e2e-check' })
  await client.connect()
  try {
    const counts = await client.query<{ n: number; distinct: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT snapshot_id)::int AS distinct FROM lifeguard.pool_snapshots',
    )
    expect(counts.rows[0]).toEqual({ n: enqueued, distinct: enqueued })
    const rows = await client.query<{ taken_at: Date; profile_name: string }>(
      'SELECT taken_at, profile_name FROM lifeguard.pool_snapshots ORDER BY row_seq',
    )
    const times = rows.rows.map((r) => r.taken_at.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(new Set(rows.rows.map((r) => r.profile_name))).toEqual(new Set([SINK, OTHER]))
  } finally {
    await client.end()
  }
})
