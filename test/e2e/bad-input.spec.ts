/** Bad input gets a clear error and changes nothing; database text renders as text only. */
import { expect, test } from './support/fixtures'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { AppPage } from './support/app-page'
import { e2ePg } from './support/pg'

const pg = e2ePg()

test.beforeEach(async ({ page, launch }) => {
  const server = await launch()
  await page.goto(server.url)
})

const good = () => ({
  name: 'ok',
  host: pg.host,
  port: pg.port,
  database: pg.database,
  user: pg.user,
})

test('invalid port, invalid host and empty name are refused and nothing is saved', async ({
  page,
  dataDir,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/bad-input')
  await app.openForm()
  for (const [fields, expected] of [
    [{ ...good(), port: 70000 }, /port must be between 1 and 65535/],
    [{ ...good(), host: 'bad host!' }, /host must be a host name/],
    [{ ...good(), name: '   ' }, /name is required/],
  ] as const) {
    await app.fillForm(fields)
    await app.save()
    await expect(page.getByTestId('form-error')).toContainText(expected)
  }
  await app.shot('form-errors')
  expect(fs.existsSync(path.join(dataDir, 'profiles.json'))).toBe(false)
})

test('a duplicate name is refused', async ({ page }) => {
  const app = new AppPage(page, 'test-results/screenshots/duplicate')
  await app.openForm()
  await app.fillForm({ ...good(), name: 'reporting' })
  await app.save()
  await expect(app.card('reporting')).toBeVisible()
  await app.openForm()
  await app.fillForm({ ...good(), name: 'Reporting' })
  await app.save()
  await expect(page.getByTestId('form-error')).toContainText(
    'a profile named "Reporting" already exists',
  )
  await app.shot('duplicate-name')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('[data-testid="profile-card"]')).toHaveCount(1)
})

test('test connection names each failure specifically', async ({ page }) => {
  const app = new AppPage(page, 'test-results/screenshots/test-errors')
  const silent = net.createServer(() => undefined)
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  const silentPort = (silent.address() as net.AddressInfo).port
  const refusedPort = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port
      s.close(() => resolve(p))
    })
  })
  try {
    await app.openForm()
    const cases = [
      [
        { ...good(), password: pg.password, database: 'no_such_db' },
        'database "no_such_db" does not exist',
      ],
      [{ ...good(), password: pg.password, port: refusedPort }, 'connection refused'],
      [{ ...good(), password: pg.password, port: silentPort }, 'timed out'],
    ] as const
    for (const [fields, text] of cases) {
      await app.fillForm({ ...fields, sslmode: 'disable' })
      const result = await app.testFromForm()
      await expect(result).toHaveAttribute('data-ok', 'false')
      await expect(result).toContainText(text)
    }
    await app.shot('timeout')
  } finally {
    silent.close()
  }
})

test('HTML in a profile name is shown as text, never injected', async ({ page }) => {
  const app = new AppPage(page, 'test-results/screenshots/html-as-text')
  const payload = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
  await app.openForm()
  await app.fillForm({ ...good(), name: payload })
  await app.save()
  const card = app.card(payload)
  await expect(card).toContainText(payload)
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined()
  await app.shot('html-as-text')
})
