/**
 * The bench's own client of browser mode, through the real contract: a Node WebSocket with the
 * per-launch token, the Host and Origin the server allows, and the same `invoke` messages the page
 * sends. Requests are paced below the server's per-socket rate limit (100 a second) and a
 * 'rate-limited' answer is retried, so setting up 200 profiles never trips it.
 */
import WebSocket from 'ws'
import type { InvokeChannel, RequestOf, ResponseOf } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'
import { WS_PATH, type ClientMessage, type ServerMessage } from '../../src/shared/ws-protocol'
import { sleep } from '../lib/measure'

export class ContractError extends Error {
  constructor(
    readonly channel: string,
    readonly code: string,
    message: string,
  ) {
    super(`${channel}: ${code}: ${message}`)
  }
}

const MIN_GAP_MS = 20

export class ContractClient {
  private nextId = 1
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private lastSentAt = 0
  private sendChain: Promise<void> = Promise.resolve()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      let message: ServerMessage
      try {
        message = JSON.parse(String(data)) as ServerMessage
      } catch {
        return
      }
      if (message.type !== 'result') return
      const resolve = this.pending.get(message.id)
      this.pending.delete(message.id)
      resolve?.(message.result)
    })
    socket.on('close', () => {
      for (const resolve of this.pending.values())
        resolve({ ok: false, error: { code: 'connection-failed', message: 'socket closed' } })
      this.pending.clear()
    })
  }

  static async open(origin: string, token: string): Promise<ContractClient> {
    const url = new URL(WS_PATH, origin)
    url.searchParams.set('token', token)
    const socket = new WebSocket(url, { origin, headers: { Host: url.host } })
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`the server refused the bench's socket: HTTP ${res.statusCode}`)),
      )
    })
    return new ContractClient(socket)
  }

  /** One invoke; resolves with the data, throws ContractError for an error envelope. */
  async invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.send(channel, request)
      if (result.ok) return result.data as ResponseOf<C>
      if (result.error.code === 'rate-limited' && attempt < 20) {
        await sleep(200)
        continue
      }
      throw new ContractError(channel, result.error.code, result.error.message)
    }
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve())
      this.socket.close()
    })
  }

  private send(channel: InvokeChannel, request: unknown): Promise<Result<unknown>> {
    const id = this.nextId++
    const message: ClientMessage = { type: 'invoke', id, channel, request }
    const answered = new Promise<Result<unknown>>((resolve) => this.pending.set(id, resolve))
    // Paced: at most one request every MIN_GAP_MS (50 a second), in order.
    this.sendChain = this.sendChain.then(async () => {
      const wait = this.lastSentAt + MIN_GAP_MS - performance.now()
      if (wait > 0) await sleep(wait)
      this.lastSentAt = performance.now()
      this.socket.send(JSON.stringify(message))
    })
    return answered
  }
}
