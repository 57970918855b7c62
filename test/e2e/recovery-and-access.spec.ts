/** A corrupt profiles file is kept aside with a warning; the page needs the per-launch token. */
import { expect, test } from './support/fixtures'
import fs from 'node:fs'
import path from 'node:path'
import { AppPage } from './support/app-page'

test('a corrupt profiles file is kept aside and the app starts with a warning', async ({
  page,
  launch,
  dataDir,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/corrupt-file')
  const garbage = '{"formatVersion":1,"profiles":[{"name":"prod"'
  fs.writeFileSync(path.join(dataDir, 'profiles.json'), garbage)
  const server = await launch()
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
  launch,
}) => {
  const server = await launch()
  const bare = await page.goto(`${server.origin}/`)
  expect(bare?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('open the URL printed in the terminal')
  const wrong = await page.goto(`${server.origin}/?token=yesterdays-token`)
  expect(wrong?.status()).toBe(401)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: 'Add profile' }).first()).toBeVisible()
  expect(page.url()).not.toContain('token=')
})
