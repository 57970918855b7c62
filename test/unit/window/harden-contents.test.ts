/** reliability.md A.2: navigation, new windows and webviews are denied on the window's contents. */
import { describe, expect, it, vi } from 'vitest'
import {
  createAppUrlCheck,
  hardenContents,
  type HardenableContents,
} from '../../../src/main/window/security'

const APP_URL = 'file:///app/out/renderer/index.html'

type NavListener = (event: { preventDefault(): void }, url: string) => void

class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, NavListener[]>()
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined

  on(event: string, listener: NavListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }

  /** Fires `event` like Electron would; reports whether any listener prevented it. */
  fire(event: string, url = ''): boolean {
    const preventDefault = vi.fn()
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault }, url)
    return preventDefault.mock.calls.length > 0
  }
}

function setup() {
  const contents = new FakeContents()
  const openExternal = vi.fn()
  hardenContents(contents, createAppUrlCheck(APP_URL), openExternal)
  return { contents, openExternal }
}

describe('hardenContents: navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s guards are installed', (event) => {
    expect(setup().contents.listeners.get(event)).toHaveLength(1)
  })

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    // Same path on another host: a UNC share on Windows; must not count as the app.
    'file://evil.example/app/out/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,x',
    'not a url',
  ])('will-navigate / will-redirect to %j is prevented', (url) => {
    const { contents } = setup()
    expect(contents.fire('will-navigate', url)).toBe(true)
    expect(contents.fire('will-redirect', url)).toBe(true)
  })

  it('navigation within the app is not prevented', () => {
    const { contents } = setup()
    expect(contents.fire('will-navigate', APP_URL)).toBe(false)
    expect(contents.fire('will-navigate', `${APP_URL}#/pool`)).toBe(false)
    expect(contents.fire('will-redirect', APP_URL)).toBe(false)
  })

  it('will-attach-webview is always prevented', () => {
    const { contents } = setup()
    expect(contents.fire('will-attach-webview')).toBe(true)
  })
})

describe('hardenContents: window.open', () => {
  it.each(['https://www.postgresql.org/docs/', 'http://example.com/'])(
    '%s is denied in-app and handed to the system browser',
    (url) => {
      const { contents, openExternal } = setup()
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
      expect(openExternal).toHaveBeenCalledExactlyOnceWith(url)
    },
  )

  it.each([
    APP_URL,
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'ms-msdt:/id PCWDiagnostic',
    'smb://evil.example/share',
    'lifeguard://internal',
    'https://user:pass@example.com/',
    'not a url',
  ])('%j is denied and never opened externally', (url) => {
    const { contents, openExternal } = setup()
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })
})
