/**
 * A metrics snapshot exported in all three formats as browser downloads (Chromium against
 * browser mode), each file read back and checked: the JSON names the profile, carries its
 * current state and its series, and holds no password anywhere; the CSV has the documented
 * header and one row per recorded sample (distinct, ordered timestamps on the series'
 * resolution, as many rows as samples recorded between the two exports); the Prometheus text
 * parses with an independent parser (test/unit/metrics/support/prom-parse.ts) into families with
 * HELP and TYPE, the profile's gauges, counters and a histogram with _bucket / _sum / _count.
 * The password typed for the profile appears in none of the three files.
 */
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { csvColumns } from '../../src/main/engine/metrics/csv-export'
import { parseCsv } from '../unit/metrics/support/parse-csv'
import { parseExposition } from '../unit/metrics/support/prom-parse'
import { AppPage } from './support/app-page'
import { expect, test } from './support/fixtures'
import { startLoadLab } from './support/load-lab'
import { e2ePg } from './support/pg'
import { addConnected, profileFor } from './support/profile-setup'

const pg = e2ePg()
const NAME = 'orders primary'

interface Exported {
  fileName: string
  text: string
}

/** Opens the export dialog with "e", picks the format (and the 5 min range), downloads. */
async function exportAs(page: Page, app: AppPage, format: 'JSON' | 'CSV' | 'Prometheus') {
  await page.keyboard.press('e')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: `Only “${NAME}”` }).check()
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check()
  const range = dialog.getByLabel('Time range (JSON and CSV)')
  if (format === 'Prometheus') await expect(range).toBeDisabled()
  else await range.selectOption('5m')
  await app.shot(`export-${format.toLowerCase()}`, { fullPage: false })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ])
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('toast').last()).toContainText(
    `Downloaded ${download.suggestedFilename()}`,
  )
  const exported: Exported = {
    fileName: download.suggestedFilename(),
    text: fs.readFileSync(await download.path(), 'utf8'),
  }
  expect(exported.text).not.toContain(pg.password)
  return exported
}

test('export as JSON, CSV and Prometheus: downloads with the right content, no password', async ({
  page,
  launch,
}) => {
  const app = new AppPage(page, 'test-results/screenshots/cockpit-export')
  const server = await launch()
  await page.goto(server.url)
  const card = await addConnected(app, profileFor(NAME, pg))
  const profileId = (await card.getAttribute('data-profile-id')) ?? ''
  await app.openProfile(NAME, 'settings')
  await startLoadLab(page, { clients: 2, ratePerSecond: 10 })
  await page.getByTestId('tab-overview').click()
  await expect
    .poll(async () => parseInt((await page.getByTestId('pool-acquires').textContent()) ?? '', 10))
    .toBeGreaterThan(10)

  // JSON: the profile, its state and series; no secret.
  const json = await exportAs(page, app, 'JSON')
  expect(json.fileName).toMatch(/^lifeguard-metrics-orders-primary-.*\.json$/)
  const snapshot = JSON.parse(json.text) as {
    format: string
    scope: string
    profiles: Array<{
      id: string
      name: string
      settings: Record<string, unknown>
      state: { state?: string }
      series: Array<{ range: string; resolutionMs: number; at: number[]; samples: number[] }>
    }>
  }
  expect(snapshot.format).toBe('lifeguard-metrics-snapshot')
  expect(snapshot.scope).toBe('profile')
  expect(snapshot.profiles).toHaveLength(1)
  const [profile] = snapshot.profiles
  expect(profile).toMatchObject({ id: profileId, name: NAME })
  expect(profile?.settings).toMatchObject({ host: pg.host, port: pg.port, user: pg.user })
  expect(JSON.stringify(profile?.settings)).not.toMatch(/password"\s*:\s*"[^"]/i)
  expect(profile?.state.state).toBe('connected')
  const series = profile?.series.find((s) => s.range === '5m')
  expect(series?.resolutionMs).toBe(1_000)
  const jsonPoints = series?.at.length ?? 0
  expect(jsonPoints).toBeGreaterThan(2)
  const jsonExportedAt = Date.now()

  // CSV: the header, then one row per sample of the series, in time order.
  const csv = await exportAs(page, app, 'CSV')
  expect(csv.fileName).toMatch(/\.csv$/)
  const [header, ...rows] = parseCsv(csv.text)
  expect(header).toEqual([...csvColumns])
  const column = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name)
  expect(
    rows.every((r) => r[column('profile')] === NAME && r[column('profile_id')] === profileId),
  ).toBe(true)
  const times = rows.map((r) => Date.parse(r[column('timestamp')] ?? ''))
  expect(times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) >= 1_000)).toBe(true)
  expect(times.every((t) => t % 1_000 === 0)).toBe(true)
  expect(rows.every((r) => Number(r[column('samples')]) >= 1)).toBe(true)
  // The series kept recording meanwhile: at least the JSON's points, at most one per second more.
  const elapsed = Math.ceil((Date.now() - jsonExportedAt) / 1_000) + 1
  expect(rows.length).toBeGreaterThanOrEqual(jsonPoints)
  expect(rows.length).toBeLessThanOrEqual(jsonPoints + elapsed)

  // Prometheus: parsed by an independent parser; every family has HELP and TYPE.
  const prom = await exportAs(page, app, 'Prometheus')
  expect(prom.fileName).toMatch(/\.prom$/)
  const families = parseExposition(prom.text)
  for (const family of families.values()) {
    expect(family.help, family.name).not.toBe('')
    expect(['GAUGE', 'COUNTER', 'HISTOGRAM']).toContain(family.type)
  }
  const labels = { profile: NAME, profile_id: profileId }
  const active = families.get('lifeguard_pool_active_connections')
  expect(active?.type).toBe('GAUGE')
  expect(active?.samples).toEqual([expect.objectContaining({ labels })])
  const acquires = families.get('lifeguard_pool_acquires_total')
  expect(acquires?.type).toBe('COUNTER')
  expect(acquires?.samples[0]?.value).toBeGreaterThan(10)
  const wait = families.get('lifeguard_pool_acquire_wait_seconds')
  expect(wait?.type).toBe('HISTOGRAM')
  const sample = (suffix: string) => wait?.samples.filter((s) => s.name.endsWith(suffix)) ?? []
  const inf = sample('_bucket').find((s) => s.labels['le'] === '+Inf')
  const waitCount = sample('_count')[0]
  expect(inf?.labels).toMatchObject(labels)
  expect(waitCount?.value).toBeGreaterThan(10)
  expect(inf?.value).toBe(waitCount?.value)
  expect(sample('_sum')).toHaveLength(1)
  expect(families.get('lifeguard_health_up')?.samples[0]?.value).toBe(1)
  await app.shot('exported')
})
