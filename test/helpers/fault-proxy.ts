/**
 * A fault-injection TCP proxy for integration tests (Lifeguard issue 4, item 6).
 *
 * It listens on 127.0.0.1 only (never another address), on a free port, and forwards every byte
 * in both directions, unchanged and in order, to `target`. Faults are switched on and off while
 * connections are open:
 *
 * - `setLatency(ms)`: each chunk read from either side is written to the other side no sooner
 *   than `ms` after it arrived (measured with `performance.now()`, so never early). Order is
 *   preserved. A request/response round trip therefore gains at least `2 * ms`. `0` turns it off.
 * - `sliceChunks(bytes)`: forwarded data is written `bytes` at a time, one slice per event-loop
 *   turn, so a reader in this process sees many small reads (for byte-exact parser tests). Slow
 *   for large payloads (one loop turn per slice). `0` turns it off.
 * - `resetAll()`: every open connection, both the client side and the upstream side, is destroyed
 *   with a TCP RST (`socket.resetAndDestroy()`), so peers see ECONNRESET, not a clean end.
 * - `refuseNew(on)`: the listener is closed, so the kernel refuses new connections with
 *   ECONNREFUSED (a RST answering the SYN; there is no accept-then-reset race). Open connections
 *   are not touched. `refuseNew(false)` listens again on the same port; it is async and rejects if
 *   something else took the port meanwhile (unlikely: the port is free and ephemeral).
 * - `blackhole(on)`: nothing is forwarded in either direction and nothing is closed: no FIN, no
 *   RST, in either direction. Both sockets of every connection stop being read, so bytes are
 *   HELD (in the kernel buffers, or in the proxy's queue when already read) rather than dropped;
 *   senders just see their writes go unanswered, as with a partitioned network. New connections
 *   are accepted (the client's connect succeeds) and an upstream connection is opened, but
 *   nothing is forwarded. A peer closing or resetting its side is noticed but NOT passed on while
 *   the blackhole is on. `blackhole(false)` resumes: held bytes are delivered in order and
 *   pending closes/resets are passed on, like a healed partition where TCP retransmits. A
 *   PostgreSQL client whose query timed out during the blackhole thus receives the stale reply
 *   afterwards (node-postgres discards it and carries on).
 * - `close()`: destroys every connection, closes the listener(s), clears every timer; idempotent
 *   and safe to call concurrently. Resolves once the listener(s) and every proxied socket
 *   have closed.
 *
 * Stats: `connections` (currently open proxied connections), `accepted` (total accepted),
 * `bytesForwarded` (total bytes written to either side, both directions).
 *
 * Every socket has an 'error' listener; errors are recorded, never thrown.
 */
import net from 'node:net'
import { performance } from 'node:perf_hooks'

export interface FaultProxyOptions {
  target: { host: string; port: number }
}

export interface FaultProxy {
  readonly host: '127.0.0.1'
  readonly port: number
  /** Open proxied connections (client side accepted and not yet closed). */
  readonly connections: number
  /** Connections accepted since start. */
  readonly accepted: number
  /** Bytes written to either side, both directions together. */
  readonly bytesForwarded: number
  setLatency(ms: number): void
  sliceChunks(bytes: number): void
  resetAll(): void
  refuseNew(on: boolean): Promise<void>
  blackhole(on: boolean): void
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** Queued bytes in one direction above which the source socket stops being read. */
const HIGH_WATER = 1 << 20

/** Resolves on 'close' (unlike events.once, an 'error' before it does not reject). */
function closeOf(emitter: net.Socket | net.Server): Promise<void> {
  return new Promise((resolve) => emitter.once('close', () => resolve()))
}

interface State {
  latencyMs: number
  sliceBytes: number
  blackholed: boolean
  closed: boolean
  bytesForwarded: number
}

/** One direction of one connection: an ordered queue of chunks with their due times. */
class Lane {
  private readonly queue: { data: Buffer; due: number }[] = []
  private queuedBytes = 0
  private timer: NodeJS.Timeout | null = null
  private immediate: NodeJS.Immediate | null = null
  private waitingDrain = false
  /** Set when the source ended (FIN) or closed: end the destination once the queue is flushed. */
  private ending: 'end' | 'destroy' | null = null

  constructor(
    private readonly src: net.Socket,
    private readonly dst: net.Socket,
    private readonly state: State,
  ) {}

  push(chunk: Buffer): void {
    if (this.ending) return
    this.queue.push({ data: chunk, due: performance.now() + this.state.latencyMs })
    this.queuedBytes += chunk.length
    if (this.queuedBytes > HIGH_WATER) this.src.pause()
    this.pump()
  }

  /** The source is done: after the queue is flushed, end (or end and destroy) the destination. */
  finish(how: 'end' | 'destroy'): void {
    if (this.ending !== 'destroy') this.ending = how
    this.pump()
  }

  /** Drops queued data and cancels timers (the connection is being torn down). */
  stop(): void {
    this.queue.length = 0
    this.queuedBytes = 0
    this.cancelTimers()
  }

  cancelTimers(): void {
    if (this.timer) clearTimeout(this.timer)
    if (this.immediate) clearImmediate(this.immediate)
    this.timer = null
    this.immediate = null
  }

  pump(): void {
    if (this.timer || this.immediate || this.waitingDrain) return
    if (this.state.blackholed || this.state.closed) return
    if (this.dst.destroyed) {
      this.stop()
      return
    }
    while (this.queue.length > 0) {
      const head = this.queue[0]!
      const wait = head.due - performance.now()
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = null
          this.pump()
        }, Math.ceil(wait))
        return
      }
      const slice = this.state.sliceBytes
      const out = slice > 0 && head.data.length > slice ? head.data.subarray(0, slice) : head.data
      if (out.length === head.data.length) this.queue.shift()
      else head.data = head.data.subarray(out.length)
      this.queuedBytes -= out.length
      this.state.bytesForwarded += out.length
      const ok = this.dst.write(out)
      if (this.queuedBytes <= HIGH_WATER && this.src.isPaused() && !this.state.blackholed) {
        this.src.resume()
      }
      if (!ok) {
        this.waitingDrain = true
        this.dst.once('drain', () => {
          this.waitingDrain = false
          this.pump()
        })
        return
      }
      if (slice > 0 && this.queue.length > 0) {
        // One slice per loop turn, so the reader's poll phase sees each slice on its own.
        this.immediate = setImmediate(() => {
          this.immediate = null
          this.pump()
        })
        return
      }
    }
    if (this.ending && !this.dst.destroyed) {
      const how = this.ending
      this.ending = null
      if (how === 'end') {
        if (!this.dst.writableEnded) this.dst.end()
      } else if (this.dst.writableFinished) this.dst.destroy()
      else this.dst.end(() => this.dst.destroy())
    }
  }
}

class Pair {
  readonly up: Lane
  readonly down: Lane
  /** Resolves once both sockets have closed (and the pair has been forgotten). */
  readonly closed: Promise<void>
  /** Close events seen while blackholed, passed on when the blackhole is lifted. */
  private pending: (() => void)[] = []

  constructor(
    readonly client: net.Socket,
    readonly upstream: net.Socket,
    private readonly state: State,
    onGone: () => void,
  ) {
    this.up = new Lane(client, upstream, state)
    this.down = new Lane(upstream, client, state)
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    this.wire(client, upstream, this.up, this.down)
    this.wire(upstream, client, this.down, this.up)
    this.closed = Promise.all([closeOf(client), closeOf(upstream)]).then(() => {
      this.up.stop()
      this.down.stop()
      this.pending = []
      onGone()
    })
    if (state.blackholed) this.hold()
  }

  private wire(side: net.Socket, other: net.Socket, outLane: Lane, inLane: Lane): void {
    side.on('error', () => undefined)
    side.on('data', (chunk: Buffer) => outLane.push(chunk))
    side.on('end', () => this.whenForwarding(() => outLane.finish('end')))
    side.on('close', (hadError: boolean) => {
      inLane.stop()
      this.whenForwarding(() => {
        if (other.destroyed) return
        if (hadError) {
          outLane.stop()
          other.resetAndDestroy()
        } else {
          outLane.finish('destroy')
        }
      })
    })
  }

  private whenForwarding(action: () => void): void {
    if (this.state.blackholed) this.pending.push(action)
    else action()
  }

  hold(): void {
    this.client.pause()
    this.upstream.pause()
    this.up.cancelTimers()
    this.down.cancelTimers()
  }

  release(): void {
    if (!this.client.destroyed) this.client.resume()
    if (!this.upstream.destroyed) this.upstream.resume()
    this.up.pump()
    this.down.pump()
    const pending = this.pending
    this.pending = []
    for (const action of pending) action()
  }

  reset(): void {
    this.up.stop()
    this.down.stop()
    this.pending = []
    for (const socket of [this.client, this.upstream]) {
      if (socket.destroyed) continue
      // resetAndDestroy() on a socket still connecting waits for the connect; just drop it.
      if (socket.connecting) socket.destroy()
      else socket.resetAndDestroy()
    }
  }
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { target } = options
  const state: State = {
    latencyMs: 0,
    sliceBytes: 0,
    blackholed: false,
    closed: false,
    bytesForwarded: 0,
  }
  const pairs = new Set<Pair>()
  /** Every listener ever opened, with a promise for its 'close' event. */
  const serverClosed: Promise<unknown>[] = []
  let server: net.Server | null = null
  let port = 0
  let accepted = 0
  let closing: Promise<void> | null = null
  let toggling: Promise<void> = Promise.resolve()

  const onConnection = (client: net.Socket): void => {
    client.on('error', () => undefined)
    if (state.closed) {
      client.resetAndDestroy()
      return
    }
    accepted += 1
    const upstream = net.connect({ host: target.host, port: target.port, allowHalfOpen: true })
    const pair = new Pair(client, upstream, state, () => pairs.delete(pair))
    pairs.add(pair)
  }

  const listen = async (onPort: number): Promise<void> => {
    const next = net.createServer({ allowHalfOpen: true, pauseOnConnect: false }, onConnection)
    next.on('error', () => undefined)
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err)
      next.once('error', onError)
      next.listen({ host: HOST, port: onPort, exclusive: true }, () => {
        next.off('error', onError)
        resolve()
      })
    })
    port = (next.address() as net.AddressInfo).port
    server = next
    if (state.closed) stopListening() // close() ran while this listen was in flight
  }

  const stopListening = (): void => {
    if (!server) return
    const current = server
    server = null
    serverClosed.push(closeOf(current))
    // Closes the listening fd now; 'close' fires once this server's connections are gone.
    current.close()
  }

  await listen(0)

  const nonNegative = (n: number, what: string): number => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be >= 0, got ${n}`)
    return Math.floor(n)
  }

  return {
    host: HOST,
    get port() {
      return port
    },
    get connections() {
      return pairs.size
    },
    get accepted() {
      return accepted
    },
    get bytesForwarded() {
      return state.bytesForwarded
    },
    setLatency(ms) {
      state.latencyMs = nonNegative(ms, 'latency')
    },
    sliceChunks(bytes) {
      state.sliceBytes = nonNegative(bytes, 'slice size')
    },
    resetAll() {
      for (const pair of [...pairs]) pair.reset()
    },
    async refuseNew(on) {
      if (state.closed) throw new Error('fault proxy is closed')
      // Serialised, so an on/off/on sequence called without awaiting still ends up right.
      toggling = toggling
        .catch(() => undefined)
        .then(async () => {
          if (state.closed) return
          if (on) stopListening()
          else if (!server) await listen(port)
        })
      await toggling
    },
    blackhole(on) {
      if (state.closed || on === state.blackholed) return
      state.blackholed = on
      for (const pair of [...pairs]) {
        if (on) pair.hold()
        else pair.release()
      }
    },
    close() {
      closing ??= (async () => {
        state.closed = true
        stopListening()
        const open = [...pairs]
        for (const pair of open) pair.reset()
        // A refuseNew(false) in flight closes its new listener itself once it sees `closed`.
        await toggling.catch(() => undefined)
        await Promise.all([...serverClosed, ...open.map((pair) => pair.closed)])
      })()
      return closing
    },
  }
}
