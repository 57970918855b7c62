/**
 * A scripted stand-in for the browser's WebSocket: the test decides when it opens, what the
 * server sends and when it drops. Install it with `installFakeWebSocket()` (vi.stubGlobal) and
 * restore with `vi.unstubAllGlobals()`.
 */
import { vi } from 'vitest'

type Listener = (event: unknown) => void

export class FakeWebSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static instances: FakeWebSocket[] = []

  readyState = FakeWebSocket.CONNECTING
  readonly sent: string[] = []
  readonly #listeners = new Map<string, Set<Listener>>()

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this)
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.#listeners.get(type)
    if (!set) this.#listeners.set(type, (set = new Set()))
    set.add(listener)
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener)
  }

  send(data: string): void {
    if (this.readyState !== FakeWebSocket.OPEN) throw new Error('InvalidStateError: not open')
    this.sent.push(data)
  }

  /** The client closes: like a browser, the close event follows. */
  close(): void {
    if (this.readyState === FakeWebSocket.CLOSED) return
    this.readyState = FakeWebSocket.CLOSED
    this.#dispatch('close', { code: 1000 })
  }

  // --- test controls -------------------------------------------------------------------------

  /** The server accepts the connection. */
  serverOpens(): void {
    this.readyState = FakeWebSocket.OPEN
    this.#dispatch('open', {})
  }

  /** The server sends one frame (objects are JSON-encoded, strings sent as is). */
  serverSends(message: unknown): void {
    this.#dispatch('message', {
      data: typeof message === 'string' ? message : JSON.stringify(message),
    })
  }

  /** The connection is lost (or never opened). */
  drops(): void {
    this.readyState = FakeWebSocket.CLOSED
    this.#dispatch('close', { code: 1006 })
  }

  /** What the client sent, decoded. */
  sentMessages(): unknown[] {
    return this.sent.map((text) => JSON.parse(text) as unknown)
  }

  #dispatch(type: string, event: unknown): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener(event)
  }
}

export function installFakeWebSocket(): void {
  FakeWebSocket.instances = []
  vi.stubGlobal('WebSocket', FakeWebSocket)
}

/** The n-th socket the client created (0 = first). */
export function socketNo(n: number): FakeWebSocket {
  const socket = FakeWebSocket.instances[n]
  if (!socket) throw new Error(`no socket #${n} (created: ${FakeWebSocket.instances.length})`)
  return socket
}

export function latestSocket(): FakeWebSocket {
  return socketNo(FakeWebSocket.instances.length - 1)
}

/** Lets pending promise callbacks run (no timers involved). */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
