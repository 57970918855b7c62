/** A corrupt profiles file is kept aside with a warning; the page needs the per-launch token. */
import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppPage } from './support/app-page'
import { startLifeguard, type RunningLifeguard } from './support/lifeguard-server'

let dataDir: string
let server: RunningLifeguard | undefined

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeguard-e2e-'))
})
test.afterEach(async () => {
  await server?.stop()
  server = undefined
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a corrupt profiles file is kept aside and the app starts with a warning', async ({
  page,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/corrupt-file')
  const garbage = '{"formatVersion":1,"profiles":[{"name":"prod"'
  fs.writeFileSync(path.join(dataDir, 'profiles.json'), garbage)
  server = await startLifeguard(dataDir)
  await page.goto(server.url)
  const warning = page.getByTestId('warning').first()
  await expect(warning).toContainText('could not be read')
  await app.shot('warning')
  const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('profiles.json.unreadable-'))
  expect(aside).toHaveLength(1)
  expect(fs.readFileSync(path.join(dataDir, aside[0] as string), 'utf8')).toBe(garbage)
})

test('without the token the page is refused; the token is removed from the address bar', async ({
  page,
}) => {
  server = await startLifeguard(dataDir)
  const bare = await page.goto(`${server.origin}/`)
  expect(bare?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('open the URL printed in the terminal')
  const wrong = await page.goto(`${server.origin}/?token=yesterdays-token`)
  expect(wrong?.status()).toBe(401)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Add profile' }).first()).toBeVisible()
  expect(page.url()).not.toContain('token=')
})
