/**
 * Queued statements in the Queue tab, in Chromium against browser mode and a PostgreSQL the test
 * controls: exactly-once turned on through its consent dialog; a write applied at once; with the
 * server stopped, the "Queue it?" question and three writes queued; back, replay applies the
 * first and stops at a duplicate key (the error shown as text); Skip moves it aside, Requeue puts
 * it back at the end, Export downloads the queue, Edit fixes it; every write lands once, in order.
 * Light and dark screenshots; no serious axe finding on the blocked and moved-aside views.
 */
import fs from 'node:fs'
import pg from 'pg'
import type { Locator, Page } from '@playwright/test'
import { AppPage } from './support/app-page'
import { seriousViolations } from './support/axe'
import { expect, test } from './support/outage-server'
import { addConnected, profileFor } from './support/profile-setup'

const NAME = 'ledger'

async function shotBoth(app: AppPage, page: Page, name: string): Promise<void> {
  await app.shot(`${name}-light`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.shot(`${name}-dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}

async function submit(tab: Locator, sql: string, params: string): Promise<void> {
  await tab.getByTestId('queue-submit-sql').fill(sql)
  await tab.getByTestId('queue-submit-params').fill(params)
  await tab.getByRole('button', { name: 'Submit', exact: true }).click()
}

test('submit, queue it, replay, a blocked write skipped, requeued, exported and edited', async ({
  page,
  launch,
  outagePg,
}) => {
  test.setTimeout(60_000)
  const app = new AppPage(page, 'test-results/screenshots/queue-submit-write')
  const server = await launch()
  await page.goto(server.url)
  const db = await outagePg.ready
  const admin = async (sql: string) => {
    const client = new pg.Client({ ...db, application_name: 'lifeguard-e2e-check' })
    await client.connect()
    try {
      return (await client.query(sql)).rows as Array<Record<string, unknown>>
    } finally {
      await client.end()
    }
  }
  await admin('CREATE TABLE accounts (id int PRIMARY KEY, note text NOT NULL)')
  await addConnected(app, profileFor(NAME, db))
  const view = await app.openProfile(NAME, 'queue')
  const tab = view.getByTestId('queue-tab')

  // Exactly once, after the consent dialog says what is created where.
  await tab.getByRole('button', { name: 'Turn on…' }).click()
  const consent = page.getByTestId('exactly-once-dialog')
  await expect(consent).toContainText('lifeguard.applied_operations')
  await expect(consent).toContainText(db.database)
  await app.shot('exactly-once-consent')
  await consent.getByRole('button', { name: 'Create the table and turn on' }).click()
  await expect(tab.getByTestId('queue-exactly-once')).toHaveAttribute('data-on', 'true')

  const insert = 'INSERT INTO accounts (id, note) VALUES ($1, $2)'
  await submit(tab, insert, '[1, "<b>first</b>"]')
  await expect(tab.getByTestId('queue-submit-done')).toContainText('Applied: 1 row.')

  // The database goes away: the form asks before queueing.
  await outagePg.server.stop()
  await expect(view).not.toHaveAttribute('data-state', 'connected', { timeout: 10_000 })
  await submit(tab, insert, '[2, "second"]')
  const ask = tab.getByTestId('queue-ask')
  await expect(ask).toContainText('The database cannot take this write now')
  await expect(ask).toContainText('Queue it and replay when the database is back?')
  await shotBoth(app, page, 'queue-it-question')
  await ask.getByRole('button', { name: 'Queue it' }).click()
  await expect(tab.getByTestId('queue-submit-done')).toContainText('Queued at position 1')
  for (const params of ['[1, "duplicate"]', '[3, "third"]']) {
    await submit(tab, insert, params)
    await ask.getByRole('button', { name: 'Queue it' }).click()
    await expect(tab.getByTestId('queue-submit-done')).toContainText('Queued at position')
  }
  await expect(tab.getByTestId('queue-depth-figure')).toHaveAttribute('data-depth', '3')
  await expect(tab.getByTestId('queue-operations').getByTestId('queue-operation')).toHaveCount(3)
  await shotBoth(app, page, 'three-queued')

  // Back: the first replays, the duplicate stops replay with its error, the third waits behind it.
  await outagePg.server.start()
  await view
    .getByRole('toolbar', { name: 'Pool control' })
    .getByRole('button', { name: 'Reconnect now' })
    .click()
  await expect(tab.getByTestId('queue-state')).toHaveAttribute('data-state', 'blocked', {
    timeout: 15_000,
  })
  await expect(tab.getByTestId('queue-blocked-error')).toContainText('duplicate key')
  await expect(tab.getByTestId('queue-blocked-error')).toContainText('23505')
  await expect(tab.getByTestId('queue-depth-figure')).toHaveAttribute('data-depth', '2')
  await shotBoth(app, page, 'blocked')
  expect(await seriousViolations(page, 'queue tab, blocked')).toEqual([])

  // Skip: moved aside (kept); the third applies. Requeue: back at the end, blocked again.
  await tab.getByRole('button', { name: 'Skip', exact: true }).click()
  await expect(tab.getByTestId('queue-aside').getByTestId('queue-operation')).toHaveCount(1)
  await expect(tab.getByTestId('queue-aside')).toContainText('skipped')
  await expect(tab.getByTestId('queue-depth-figure')).toHaveAttribute('data-depth', '0', {
    timeout: 10_000,
  })
  await shotBoth(app, page, 'skipped-aside')
  expect(await seriousViolations(page, 'queue tab, moved aside')).toEqual([])
  await tab.getByRole('button', { name: /^Requeue operation/ }).click()
  await expect(tab.getByTestId('queue-state')).toHaveAttribute('data-state', 'blocked', {
    timeout: 10_000,
  })

  // Export, as a download: the blocked one with its statement, parameters and error.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tab.getByTestId('queue-export').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^lifeguard-queue-ledger-all-.*\.json$/)
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
    format: string
    operations: Array<{
      sql: string
      params: unknown[]
      state: string
      lastError: { sqlstate: string } | null
    }>
  }
  expect(exported.format).toBe('lifeguard-queue-export')
  expect(exported.operations).toEqual([
    expect.objectContaining({ sql: insert, params: [1, 'duplicate'], state: 'queued' }),
  ])

  // Edit: a corrected statement; it applies and the queue is empty.
  await tab.getByRole('button', { name: 'Edit…' }).click()
  const edit = tab.getByTestId('queue-edit')
  await edit.getByLabel('Parameters ($1, $2 …) as a JSON array').fill('[4, "fixed"]')
  await shotBoth(app, page, 'editing')
  await tab.getByRole('button', { name: 'Save and retry' }).click()
  await expect(tab.getByTestId('queue-state')).toHaveAttribute('data-state', 'idle', {
    timeout: 10_000,
  })
  await expect(tab.getByTestId('queue-depth-figure')).toHaveAttribute('data-depth', '0')
  await shotBoth(app, page, 'done')

  const rows = await admin('SELECT id, note FROM accounts ORDER BY id')
  expect(rows).toEqual([
    { id: 1, note: '<b>first</b>' },
    { id: 2, note: 'second' },
    { id: 3, note: 'third' },
    { id: 4, note: 'fixed' },
  ])
  expect(await page.locator('b').count()).toBe(0)
})
