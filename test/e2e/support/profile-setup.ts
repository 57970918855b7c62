/**
 * Profiles made as a DBA makes them: through the profile form (with a group, a colour and
 * advanced overrides when asked), then connected from the card.
 */
import { expect, type Locator } from '@playwright/test'
import type { EmbeddedServerAddress } from '../../../src/main/engine/demo/embedded-server'
import type { AppPage, ProfileFields } from './app-page'

export interface NewProfile extends ProfileFields {
  group?: string
  /** A colour's name as the form shows it ("Blue", "Purple", …). */
  color?: string
  /** Advanced overrides by their field label, e.g. { 'Unavailable after (ms)': '3000' }. */
  overrides?: Record<string, string>
}

/** The fields of a profile for a test PostgreSQL (password typed, so kept for this run). */
export function profileFor(name: string, pg: EmbeddedServerAddress): ProfileFields {
  return {
    name,
    host: pg.host,
    port: pg.port,
    database: pg.database,
    user: pg.user,
    password: pg.password,
    sslmode: 'disable',
  }
}

export async function addProfile(app: AppPage, profile: NewProfile): Promise<Locator> {
  const page = app.page
  await app.openForm()
  await app.fillForm(profile)
  const form = page.getByTestId('profile-form')
  if (profile.group !== undefined)
    await form.getByLabel('Group', { exact: true }).fill(profile.group)
  if (profile.color !== undefined)
    await form
      .getByTestId('color-picker')
      .getByRole('radio', { name: profile.color, exact: true })
      .check({ force: true }) // the radio is visually hidden behind its swatch
  if (profile.overrides) {
    await form.getByRole('button', { name: /^Advanced/ }).click()
    for (const [label, value] of Object.entries(profile.overrides))
      await form.getByLabel(label, { exact: true }).fill(value)
  }
  await app.save()
  await expect(form).toHaveCount(0)
  const card = app.card(profile.name)
  await expect(card).toBeVisible()
  return card
}

/** Adds the profile and connects it from its card; resolves once the card says connected. */
export async function addConnected(app: AppPage, profile: NewProfile): Promise<Locator> {
  const card = await addProfile(app, profile)
  await card.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(card).toHaveAttribute('data-state', 'connected')
  return card
}
