/**
 * The keyboard alone drives the cockpit (Chromium against browser mode): from the dashboard the
 * command palette (Ctrl+K) goes to a profile, then "Drain" opens the drain dialog, whose deadline,
 * straggler choice and Start button are reached with Tab and the arrow keys and run with Enter;
 * the palette's "Resume" resumes. Every element the keyboard lands on shows a visible focus ring
 * (checked in the page: :focus-visible with a real outline or shadow) and is in the screenshot.
 * The profile is set up with the mouse; from then on no click.
 */
import type { Page } from '@playwright/test'
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import type { PageGlobals } from './support/page-types'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'

/** The focused element: its label and whether the browser draws a visible focus indicator on it. */
function focusedElement(page: Page) {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals
    const el = document.activeElement
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    return {
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      tag: el.tagName.toLowerCase(),
      focusVisible: el.matches(':focus-visible'),
      ring: outline || style.boxShadow !== 'none',
    }
  })
}

async function expectVisibleFocus(page: Page) {
  const focused = await focusedElement(page)
  expect(focused, 'something has the focus').not.toBeNull()
  expect(focused?.focusVisible, `${focused?.tag} "${focused?.text}" is :focus-visible`).toBe(true)
  expect(focused?.ring, `${focused?.tag} "${focused?.text}" draws a ring`).toBe(true)
}

/** Ctrl+K, type, check the first match is the command, Enter. */
async function runFromPalette(page: Page, app: AppPage, typed: string, command: string) {
  await page.keyboard.press('Control+k')
  const palette = page.getByTestId('command-palette')
  await expect(palette).toBeVisible()
  await page.keyboard.type(typed)
  await expect(palette.getByTestId('palette-option').first()).toHaveAttribute(
    'data-command',
    command,
  )
  await expect(palette.getByRole('combobox')).toBeFocused()
  await expectVisibleFocus(page)
  await app.shot(`palette-${typed.replace(/\s+/g, '-')}`, { fullPage: false })
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
}

test('the palette drives Drain and Resume without the mouse, with visible focus', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-keyboard')
  const server = await launch()
  await page.goto(server.url)
  const card = await addConnected(app, profileFor(NAME, pg))
  const profileId = await card.getAttribute('data-profile-id')

  // From here on, the keyboard only.
  await runFromPalette(page, app, 'orders', `go-${profileId}`)
  await expect(page.getByTestId('profile-view')).toHaveAttribute('data-profile-id', profileId ?? '')

  await runFromPalette(page, app, 'drain', 'control-drain')
  const dialog = page.getByTestId('drain-dialog')
  await expect(dialog).toBeVisible()
  const deadline = dialog.getByLabel('Deadline (seconds)')
  await expect(deadline).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('20')
  await expectVisibleFocus(page)
  await app.shot('drain-deadline-focused', { fullPage: false })
  // Tab to the straggler choice (its checked radio), the arrow key picks the next one.
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('radio', { name: /Cancel their queries/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  const terminate = dialog.getByRole('radio', { name: /Terminate them/ })
  await expect(terminate).toBeFocused()
  await expect(terminate).toBeChecked()
  await expectVisibleFocus(page)
  await app.shot('drain-choice-focused', { fullPage: false })
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const start = dialog.getByRole('button', { name: 'Start drain' })
  await expect(start).toBeFocused()
  await expectVisibleFocus(page)
  await app.shot('drain-start-focused', { fullPage: false })
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  const progress = page.getByTestId('drain-progress')
  await expect(progress).toHaveAttribute('data-phase', 'drained')
  await expect(progress).toContainText(
    /At the deadline they are terminated|Ended before the deadline/,
  )
  await expect(page.getByTestId('pool-state')).toHaveText(/Pool (draining|drained)/)
  await app.shot('drained')

  await runFromPalette(page, app, 'resume', 'control-resume')
  await expect(progress).toHaveAttribute('data-phase', 'resumed')
  await expect(page.getByTestId('pool-state')).toHaveText('Pool running')
  await app.shot('resumed')
})
