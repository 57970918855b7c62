/**
 * Browser notifications as the test sees them. Headless Chromium shows no notification a test
 * could read, so the page's `window.Notification` is replaced, before any script of the page
 * runs (addInitScript), by a subclass of the real one that records every notification it is
 * asked to show (title, body, tag) and then lets the real constructor run. The permission is the
 * browser's own: the test grants it to the app's origin (context.grantPermissions), so the app's
 * permission check and its decision to notify are the real ones; only the display is observed.
 */
import type { BrowserContext, Page } from '@playwright/test'

export interface RecordedNotification {
  title: string
  body: string
  tag: string
}

/** Runs in the page (serialised by Playwright): no closure over test code. */
function installRecorder(): void {
  const target = globalThis as unknown as {
    Notification?: new (title: string, options?: { body?: string; tag?: string }) => object
    __lifeguardNotifications?: RecordedNotification[]
  }
  const Real = target.Notification
  if (!Real) return
  const seen: RecordedNotification[] = []
  target.__lifeguardNotifications = seen
  class RecordingNotification extends Real {
    constructor(title: string, options?: { body?: string; tag?: string }) {
      super(title, options)
      seen.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' })
    }
  }
  target.Notification = RecordingNotification
}

/** Grants the notification permission to the app's origin and installs the recorder. */
export async function recordNotifications(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['notifications'], { origin })
  await context.addInitScript(installRecorder)
}

export function recordedNotifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { __lifeguardNotifications?: RecordedNotification[] })
        .__lifeguardNotifications ?? [],
  )
}
