/// <reference lib="dom" />
/**
 * What the bench measures inside the page, installed before the app's own scripts run
 * (Playwright's addInitScript): one requestAnimationFrame loop recording frame intervals, a
 * PerformanceObserver for 'longtask' entries (buffered, so none is missed), and a wrapper of the
 * page's WebSocket that counts the characters and frames of every message it receives (the app
 * talks to main over that one socket). All of it is cheap: an array push per frame and message.
 * The bench takes windows of these records with `pageWindow` (timestamps are performance.now()).
 */
import type { Page } from '@playwright/test'

export interface PageWindow {
  /** rAF intervals inside the window (ms). */
  frames: number[]
  /** Long tasks that started inside the window: [startTime, duration] (ms). */
  longTasks: [number, number][]
  /** Characters (UTF-16 code units) and frames received on the WebSocket inside the window. */
  wsChars: number
  wsMessages: number
  /** The window's span in page time (ms). */
  spanMs: number
}

interface MeterState {
  frames: number[]
  frameAt: number[]
  longTasks: [number, number][]
  messages: [number, number][]
}

declare global {
  interface Window {
    __lgBench?: MeterState
  }
}

/** The init script (runs in the page; must not reference anything outside itself). */
function installMeter(): void {
  if (window.__lgBench) return
  const state: MeterState = { frames: [], frameAt: [], longTasks: [], messages: [] }
  window.__lgBench = state
  let last = -1
  const loop = (t: number) => {
    if (last >= 0) {
      state.frames.push(t - last)
      state.frameAt.push(t)
    }
    last = t
    requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task API: the bench reports none seen, and says the API was missing.
  }
  const Native = window.WebSocket
  class CountingWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('message', (event: MessageEvent) => {
        const data: unknown = event.data
        const size =
          typeof data === 'string'
            ? data.length
            : data instanceof ArrayBuffer
              ? data.byteLength
              : data instanceof Blob
                ? data.size
                : 0
        state.messages.push([performance.now(), size])
      })
    }
  }
  window.WebSocket = CountingWebSocket
}

export async function installPageMeter(page: Page): Promise<void> {
  await page.addInitScript(installMeter)
}

/** The page's clock now (performance.now()), to open a window. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

/** The records between two page times; `to` undefined = now. */
export async function pageWindow(page: Page, from: number, to?: number): Promise<PageWindow> {
  return page.evaluate(
    ([a, b]) => {
      const s = window.__lgBench
      const end = b ?? performance.now()
      if (!s) return { frames: [], longTasks: [], wsChars: 0, wsMessages: 0, spanMs: end - a }
      const frames: number[] = []
      for (let i = 0; i < s.frames.length; i++) {
        const at = s.frameAt[i]!
        if (at > a && at <= end) frames.push(s.frames[i]!)
      }
      let wsChars = 0
      let wsMessages = 0
      for (const [at, size] of s.messages)
        if (at > a && at <= end) {
          wsChars += size
          wsMessages++
        }
      return {
        frames,
        longTasks: s.longTasks.filter(([start]) => start >= a && start < end),
        wsChars,
        wsMessages,
        spanMs: end - a,
      }
    },
    [from, to] as [number, number | undefined],
  )
}

/** Whether the long-task API was there (otherwise "0 long tasks" would mean nothing). */
export function longTaskSupported(page: Page): Promise<boolean> {
  return page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))
}
