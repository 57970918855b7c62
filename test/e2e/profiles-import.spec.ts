/**
 * Issue 7's "done when", in real Chromium against browser mode: with PGPASSFILE and PGSERVICEFILE
 * pointing at files the test wrote, import the .pgpass and the service file through the dialog
 * (previews flag the invalid row, the wildcard line and the duplicate), confirm, and connect an
 * imported profile without typing a password (it comes from .pgpass). A pgAdmin servers.json is
 * read in the page (groups on the dashboard), and one too large for a WebSocket message is refused
 * in plain words. Canary: the password never reaches the page, its HTML, or any frame it received.
 */
import type { Locator, Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { AppPage } from './support/app-page'
import { expect, test, writeLibpqFiles } from './support/import-sources'
import { e2ePg } from './support/pg'

const pg = e2ePg()
const SHOTS = 'test-results/screenshots/profiles-import'

async function openImport(page: Page, source: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import…' }).first().click()
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('tab', { name: source }).click()
  return dialog
}

/** A screenshot per step; dialogs as the viewport shows them, the dashboard as a full page. */
function shooter(page: Page) {
  fs.mkdirSync(SHOTS, { recursive: true })
  let step = 0
  return async (name: string, fullPage = false) => {
    step++
    const file = path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`)
    await page.screenshot({ path: file, fullPage })
  }
}

const statuses = (dialog: Locator) =>
  dialog.getByTestId('import-row').evaluateAll((rows) => rows.map((r) => r.dataset['status']))

test('import .pgpass and a service file, then connect with the password from .pgpass', async ({
  page,
  dataDir,
  libpqDir,
  launchWithLibpqEnv,
}) => {
  const app = new AppPage(page, SHOTS)
  const shot = shooter(page)
  const files = writeLibpqFiles(libpqDir, pg)
  const secrets = [pg.password, ...files.otherPasswords]
  const frames: string[] = []
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => {
      frames.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString())
    }),
  )
  const server = await launchWithLibpqEnv(files)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Start local demo' })).toBeVisible()

  // .pgpass: two new rows, an invalid one, a warning for the wildcard line.
  let dialog = await openImport(page, '.pgpass')
  await dialog.getByRole('button', { name: 'Read .pgpass' }).click()
  await expect(dialog.getByTestId('import-row')).toHaveCount(3)
  expect(await statuses(dialog)).toEqual(['new', 'new', 'invalid'])
  await expect(dialog.getByTestId('import-source')).toContainText(files.pgpassFile)
  const main = `${pg.user}@${pg.host}:${pg.port}/${pg.database}`
  const other = `${pg.user}@${pg.host}:${pg.port}/postgres`
  const mainRow = dialog.locator(`[data-testid="import-row"][data-name="${main}"]`)
  await expect(mainRow.getByTestId('password-source')).toHaveText('.pgpass')
  await expect(dialog.locator('[data-status="invalid"]')).toContainText('host must be')
  const warning = dialog.locator('[data-testid="import-problem"][data-severity="warning"]')
  await expect(warning).toContainText('wildcard host or user')
  await expect(warning).toContainText(`${files.pgpassFile}:4`)
  const confirm = dialog.getByTestId('import-confirm')
  await expect(confirm).toHaveText('Import 2 profiles')
  // The invalid row cannot be picked; the postgres database comes with the service file instead.
  await expect(dialog.locator('[data-status="invalid"]').getByRole('checkbox')).toBeDisabled()
  await dialog.getByRole('checkbox', { name: `Import “${other}”` }).uncheck()
  await expect(confirm).toHaveText('Import 1 profile')
  await page.screenshot({ path: 'test-results/profiles-import-pgpass-preview.png' })
  expect(fs.existsSync(path.join(dataDir, 'profiles.json'))).toBe(false) // nothing created yet
  await confirm.click()
  await expect(dialog).toHaveCount(0)
  await expect(app.card(main)).toBeVisible()

  // The service file: one new service, one the .pgpass import already created.
  dialog = await openImport(page, 'Service file')
  await dialog.getByRole('button', { name: 'Read service files' }).click()
  await expect(dialog.getByTestId('import-row')).toHaveCount(2)
  expect(await statuses(dialog)).toEqual(['new', 'duplicate'])
  const billing = dialog.locator('[data-testid="import-row"][data-name="billing-reporting"]')
  await expect(billing.getByTestId('password-source')).toHaveText('.pgpass')
  await expect(dialog.locator('[data-status="duplicate"]')).toContainText(`Duplicate of “${main}”`)
  await expect(dialog.getByTestId('import-source')).toContainText(files.serviceFile)
  await page.screenshot({ path: 'test-results/profiles-import-service-preview.png' })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog).toHaveCount(0)
  await expect(app.card('billing-reporting')).toBeVisible()

  // A pasted URI: previewed (its password stays in main: "in the text"), then cancelled.
  dialog = await openImport(page, 'Paste')
  const pasteSecret = 'paste-canary-5d0e'
  secrets.push(pasteSecret)
  await dialog
    .getByLabel('Connection URI or key=value string')
    .fill(`postgresql://app:${pasteSecret}@127.0.0.1:6550/sales?sslmode=disable`)
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click()
  await expect(dialog.getByTestId('import-row')).toHaveCount(1)
  await expect(dialog.getByTestId('password-source')).toHaveText('in the text')
  await shot('pasted-preview')
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(dialog).toHaveCount(0)

  // A pgAdmin export, read in the page: its groups become dashboard sections.
  dialog = await openImport(page, 'pgAdmin servers.json')
  const servers = {
    Servers: {
      '1': {
        Name: 'orders replica',
        Group: 'Production',
        Host: '127.0.0.1',
        Port: 6543,
        MaintenanceDB: 'orders',
        Username: 'app',
        ConnectionParameters: { sslmode: 'require' },
      },
      '2': {
        Name: 'warehouse',
        Group: 'Reporting',
        Host: '127.0.0.1',
        Port: 6544,
        MaintenanceDB: 'dw',
        Username: 'analyst',
      },
    },
  }
  const fileInput = dialog.getByLabel('servers.json file')
  // Over the WebSocket message limit: refused before anything is sent, in plain words.
  await fileInput.setInputFiles({
    name: 'servers.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(300 * 1024, ' '),
  })
  await expect(dialog.getByTestId('import-error')).toContainText('WebSocket message limit')
  await expect(dialog.getByTestId('import-error')).toContainText('256 KiB')
  await shot('pgadmin-too-large')
  await fileInput.setInputFiles({
    name: 'servers.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(servers)),
  })
  await expect(dialog.getByTestId('import-row')).toHaveCount(2)
  await expect(dialog.getByTestId('import-error')).toHaveCount(0)
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog).toHaveCount(0)
  const groups = page.getByTestId('profile-group')
  await expect(groups).toHaveCount(3)
  expect(await groups.evaluateAll((g) => g.map((s) => s.dataset['group']))).toEqual([
    'Production',
    'Reporting',
    '',
  ])

  // Edit an imported profile: colour, a fallback host and an override, with inline validation.
  const replica = app.card('orders replica')
  const replicaView = await app.openProfile('orders replica', 'settings')
  await replicaView.getByRole('button', { name: 'Edit profile…' }).click()
  const form = page.getByTestId('profile-form')
  await expect(form.getByLabel('Group')).toHaveValue('Production')
  await form.locator('label[title="Blue"]').click()
  await expect(form.getByTestId('color-name')).toHaveText('Blue')
  await shot('edit-form-group-colour')
  await form.getByRole('button', { name: /^Advanced/ }).click()
  await form.getByRole('button', { name: '+ Add fallback host' }).click()
  await form.getByLabel('Fallback host 1', { exact: true }).fill('127.0.0.1')
  await form.getByLabel('Port of fallback host 1').fill('6545')
  await form.getByLabel('Pool max').fill('1')
  await form.getByLabel('Pool max').blur()
  await expect(form.getByText('pool max must be between 2 and 1000')).toBeVisible()
  await form.getByText('pool max must be between 2 and 1000').scrollIntoViewIfNeeded()
  await expect(form.getByLabel('Pool max')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByTestId('remember-unavailable')).toContainText('does not store passwords')
  await expect(form.getByLabel('Remember password')).toBeDisabled()
  await shot('edit-advanced-inline-error')
  await form.getByLabel('Pool max').fill('4')
  await expect(form.getByText('pool max must be between 2 and 1000')).toHaveCount(0)
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(form).toHaveCount(0)
  await expect(replicaView.getByTestId('profile-color')).toHaveText('Blue')
  await expect(replicaView.getByTestId('fallback-hosts-summary')).toHaveText('127.0.0.1:6545')
  await app.backToFleet()
  await expect(replica.getByTestId('profile-color')).toHaveText('Blue')

  // Connect the .pgpass profile: no password typed, none asked for.
  const card = app.card(main)
  await card.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'connected')
  await expect(card.getByTestId('password-prompt')).toHaveCount(0)
  const service = app.card('billing-reporting')
  await service.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(service).toHaveAttribute('data-state', 'connected')
  await expect(service.getByTestId('password-prompt')).toHaveCount(0)
  await page.evaluate('window.scrollTo(0, 0)')
  await shot('dashboard-groups-connected-from-pgpass', true)

  // Canary: no password in the page, its HTML, or any frame the page received.
  const html = await page.content()
  const text = await page.locator('body').innerText()
  expect(frames.length).toBeGreaterThan(10)
  expect(frames.some((f) => f.includes('profiles:changed'))).toBe(true)
  for (const secret of secrets) {
    expect(html).not.toContain(secret)
    expect(text).not.toContain(secret)
    expect(frames.filter((f) => f.includes(secret))).toEqual([])
  }
  expect(fs.readFileSync(path.join(dataDir, 'profiles.json'), 'utf8')).not.toContain(pg.password)

  for (const c of [card, service]) {
    await c.getByRole('button', { name: 'Disconnect', exact: true }).click()
    await expect(c).toHaveAttribute('data-state', 'disconnected')
  }
})
