/// <reference lib="dom" />
/**
 * What the simulated DBA does in Chromium: waits for the dashboard's first load, watches it (the
 * first half at the top, the second half scrolling through the fleet and back at a reading pace),
 * then opens one profile's view (the Overview tab with its live charts) and watches that.
 */
import type { Page } from '@playwright/test'
import { sleep } from '../lib/measure'

const CARD = '[data-testid="profile-card"]'

/**
 * The first load: every card is on the page, every card says connected, the top card shows its
 * first probe latency and server sample (so pushed samples are arriving), and every request the
 * page made meanwhile has been answered (the snapshot, each profile's alerts...).
 */
export async function waitFirstLoad(
  page: Page,
  outstanding: () => number,
  profiles: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  await page.waitForFunction(
    ([sel, n]) => {
      const cards = document.querySelectorAll(sel)
      if (cards.length !== n) return false
      for (const c of cards) if (c.getAttribute('data-state') !== 'connected') return false
      const first = cards[0]
      return (
        first?.querySelector('[data-testid="probe-latency"]') !== null &&
        first?.querySelector('[data-testid="server-gauge"]') !== null
      )
    },
    [CARD, profiles] as [string, number],
    { timeout: timeoutMs, polling: 250 },
  )
  while (outstanding() > 0) {
    if (performance.now() > deadline)
      throw new Error(`the page still waits for ${outstanding()} answers after ${timeoutMs} ms`)
    await sleep(100)
  }
}

/** Stays at the top of the dashboard. */
export async function watchTop(page: Page, ms: number): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0))
  await sleep(ms)
}

/**
 * Scrolls with the mouse wheel, 4 steps a second, down to the bottom of the fleet and back to the
 * top within `ms` (the step is sized for that; at least 150 px), then stays at the top.
 */
export async function scrollThrough(page: Page, ms: number): Promise<{ stepPx: number }> {
  const box = page.viewportSize() ?? { width: 1280, height: 800 }
  await page.mouse.move(box.width / 2, box.height / 2)
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight - window.innerHeight,
  )
  const steps = Math.max(2, Math.floor(ms / 250) - 2)
  const stepPx = Math.max(150, Math.ceil((2 * height) / steps))
  const end = performance.now() + ms
  let direction = 1
  while (performance.now() + 250 < end) {
    await page.mouse.wheel(0, direction * stepPx)
    await sleep(250)
    const y = await page.evaluate(() => window.scrollY)
    if (direction > 0 && y >= height - 2) direction = -1
    else if (direction < 0 && y <= 0) break
  }
  const rest = end - performance.now()
  if (rest > 0) await sleep(rest)
  return { stepPx }
}

/** Opens a profile's view from its card (a click on the card's link, as a DBA would). */
export async function openProfile(page: Page, profileId: string): Promise<{ historyMs: number }> {
  await page.evaluate(() => window.scrollTo(0, 0))
  const started = performance.now()
  await page.locator(`${CARD}[data-profile-id="${profileId}"] .card-link`).click()
  await page.waitForSelector('[data-testid="overview-tab"]', { timeout: 10_000 })
  await page.waitForSelector('[data-testid="history-points"]', { timeout: 10_000 })
  return { historyMs: performance.now() - started }
}
