/** A fake ipcMain (Electron's rules: one handler per channel) and sender shapes. */
import type { IpcMainLike, SenderInfo } from '../../../src/main/transport/ipc'

export const APP_URL = 'file:///app/out/renderer/index.html'
export const TRUSTED_ID = 7

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: SenderInfo, request: unknown) => Promise<unknown>>()

  handle(
    channel: string,
    listener: (event: SenderInfo, request: unknown) => Promise<unknown>,
  ): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What a renderer's ipcRenderer.invoke would get back. */
  invoke(channel: string, event: SenderInfo, request: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, request)
  }
}

export function sender(overrides: {
  id?: number
  url?: string
  parent?: unknown
  noFrame?: boolean
}): SenderInfo {
  return {
    sender: { id: overrides.id ?? TRUSTED_ID },
    senderFrame: overrides.noFrame
      ? null
      : {
          url: overrides.url ?? APP_URL,
          parent: 'parent' in overrides ? overrides.parent : null,
        },
  }
}

export const trusted = sender({})

export const untrusted: Array<[string, SenderInfo]> = [
  ['another webContents', sender({ id: TRUSTED_ID + 1 })],
  ['a subframe', sender({ parent: { url: APP_URL } })],
  ['a frame whose parent is undefined', sender({ parent: undefined })],
  ['a null senderFrame', sender({ noFrame: true })],
  ['a foreign https page', sender({ url: 'https://evil.example/' })],
  ['another local file', sender({ url: 'file:///etc/passwd' })],
  ['a sibling file of the app', sender({ url: 'file:///app/out/renderer/other.html' })],
  ['a file on another host', sender({ url: 'file://evil.example/app/out/renderer/index.html' })],
  ['a data: URL', sender({ url: 'data:text/html,<script>1</script>' })],
  ['about:blank', sender({ url: 'about:blank' })],
  ['an empty URL', sender({ url: '' })],
]
