/**
 * Moving around the cockpit, in Chromium against browser mode: from a card's Open link to the
 * profile's view; every tab reached with the arrow keys (selected, focused, its address in the
 * URL, wrapping round at the end); Back returns to the previous tab; "g then d" goes to the
 * fleet; "?" lists the shortcuts and Escape closes them; an unknown profile's address says so and
 * leads back. (Each view's content and axe: cockpit-accessibility.spec.ts; the palette and the
 * drain dialog by keyboard: cockpit-keyboard.spec.ts.)
 */
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'
const TABS = ['overview', 'health', 'alerts', 'sessions', 'queue', 'events', 'settings'] as const

test('tabs by the arrow keys with the URL following, back, shortcuts, an unknown profile', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-views')
  const server = await launch()
  await page.goto(server.url)
  const card = await addConnected(app, profileFor(NAME, pg))
  await app.openProfile(NAME)
  await expect(page.getByTestId('chart-connections')).toBeVisible()

  // Every tab, by the keyboard: arrows move and select; the URL follows.
  await page.getByTestId('tab-overview').focus()
  for (const [i, tab] of TABS.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId(`tab-${tab}`)).toBeFocused()
    await expect(page.getByRole('tabpanel')).toHaveAttribute(
      'aria-labelledby',
      (await page.getByTestId(`tab-${tab}`).getAttribute('id')) ?? '',
    )
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/profile/[^/]+/${tab}$`))
  }
  // The Settings tab lists what the engine applies, defaults marked as such.
  await expect(page.getByTestId('setting-acquireTimeoutMs')).toContainText('30 s · default')
  await expect(page.getByTestId('setting-poolMax')).toContainText('10 · default')
  await app.shot('last-tab-by-keyboard')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await expect(page.getByTestId('tab-settings')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Home')
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true')
  await page.goBack()
  await expect(page.getByTestId('tab-settings')).toHaveAttribute('aria-selected', 'true')
  await app.shot('back-to-the-previous-tab')

  // "g then d": the fleet.
  await page.keyboard.press('g')
  await page.keyboard.press('d')
  await expect(page.getByTestId('profile-view')).toHaveCount(0)
  await expect(card).toBeVisible()

  // "?" lists the shortcuts; Escape closes it.
  await page.keyboard.press('?')
  const shortcuts = page.getByTestId('shortcuts-dialog')
  await expect(shortcuts).toBeVisible()
  await expect(shortcuts).toContainText('Command palette')
  await app.shot('shortcuts', { fullPage: false })
  await page.keyboard.press('Escape')
  await expect(shortcuts).toHaveCount(0)

  // An unknown profile: not found, and the way back.
  await page.goto(`${server.origin}/#/profile/no-such-profile/overview`)
  await expect(page.getByTestId('not-found')).toContainText('no-such-profile')
  await app.shot('not-found')
  await page.getByRole('link', { name: '← Back to the fleet' }).click()
  await expect(card).toBeVisible()
})
