/** Page object for the Lifeguard UI; every step can leave a screenshot under test-results/. */
import { expect, type Locator, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'

export interface ProfileFields {
  name: string
  host: string
  port: number | string
  database: string
  user: string
  password?: string
  sslmode?: string
}

export class AppPage {
  private step = 0

  constructor(
    readonly page: Page,
    private readonly shotDir: string,
  ) {
    fs.mkdirSync(shotDir, { recursive: true })
  }

  /**
   * A numbered screenshot of the whole page, taken from the top (a fixed or sticky element, such
   * as the header or a dialog's backdrop, is drawn where it sits on screen, so a scrolled page
   * would show it out of place); `fullPage: false` keeps to the 1280x800 window (dialogs).
   */
  async shot(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    this.step++
    const file = path.join(this.shotDir, `${String(this.step).padStart(2, '0')}-${name}.png`)
    const fullPage = options.fullPage ?? true
    if (fullPage) await this.page.evaluate('window.scrollTo(0, 0)')
    await this.page.screenshot({ path: file, fullPage })
    return file
  }

  card(name: string): Locator {
    return this.page.locator(
      `[data-testid="profile-card"][data-profile-name=${JSON.stringify(name)}]`,
    )
  }

  async count(name: string, which: 'total' | 'active' | 'idle' | 'waiting'): Promise<number> {
    return Number(await this.card(name).getByTestId(`count-${which}`).textContent())
  }

  /** Opens a profile's view from its card (the Open link), optionally on one tab. */
  async openProfile(
    name: string,
    tab?: 'overview' | 'health' | 'alerts' | 'sessions' | 'queue' | 'events' | 'settings',
  ): Promise<Locator> {
    await this.card(name)
      .getByRole('link', { name: `Open ${name}`, exact: true })
      .click()
    const view = this.page.getByTestId('profile-view')
    await expect(view.getByRole('heading', { level: 2, name, exact: true })).toBeVisible()
    if (tab) {
      await view.getByTestId(`tab-${tab}`).click()
      await expect(view.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true')
    }
    return view
  }

  /** Back from a profile's view to the fleet dashboard. */
  async backToFleet(): Promise<void> {
    await this.page.getByRole('link', { name: '← Fleet' }).click()
    await expect(this.page.getByTestId('profile-view')).toHaveCount(0)
  }

  async openForm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add profile' }).first().click()
    await expect(this.page.getByLabel('Name', { exact: true })).toBeVisible()
  }

  async fillForm(fields: ProfileFields): Promise<void> {
    const p = this.page
    await p.getByLabel('Name', { exact: true }).fill(fields.name)
    await p.getByLabel('Host', { exact: true }).fill(fields.host)
    await p.getByLabel('Port', { exact: true }).fill(String(fields.port))
    await p.getByLabel('Database', { exact: true }).fill(fields.database)
    await p.getByLabel('User', { exact: true }).fill(fields.user)
    if (fields.password !== undefined)
      await p.getByLabel('Password', { exact: true }).fill(fields.password)
    if (fields.sslmode) await p.getByLabel('SSL mode', { exact: true }).selectOption(fields.sslmode)
  }

  async testFromForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Test connection' }).click()
    const result = this.page.getByTestId('form-test-result')
    await expect(result).toHaveAttribute('data-ok', /true|false/)
    return result
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click()
  }
}
