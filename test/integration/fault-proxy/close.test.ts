import net from 'node:net'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startFaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
const WATCHED = ['TCPServerWrap', 'TCPSocketWrap', 'TCPWRAP', 'Timeout', 'Immediate']

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(WATCHED.map((k) => [k, 0]))
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind in counts) counts[kind] = (counts[kind] ?? 0) + 1
  }
  return counts
}

/**
 * Polls the handle counts until `accept` holds (deadline 2 s). Counts are taken right after the
 * polling timer fired, so the poll itself is not among them (vi.waitFor's own timers would be).
 */
async function countsWhen(
  accept: (counts: Record<string, number>) => boolean,
): Promise<Record<string, number>> {
  const deadline = Date.now() + 2000
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    const counts = handleCounts()
    if (accept(counts) || Date.now() > deadline) return counts
  }
}

function connectRaw(port: number): Promise<unknown> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.on('connect', () => {
      socket.destroy()
      resolve(null)
    })
    socket.on('error', (e) => resolve(e))
  })
}

describe('fault proxy: close', () => {
  it('destroys every connection, stops listening, and leaves no handles or timers', async () => {
    const baseline = handleCounts()
    const proxy = await startFaultProxy({ target: { host: target.host, port: target.port } })
    const client = new pg.Client({ ...target, host: proxy.host, port: proxy.port })
    client.on('error', () => undefined)
    const ended = new Promise<void>((resolve) => client.once('end', resolve))
    await client.connect()

    // Leave work pending in the proxy: a reply waiting on a latency timer, sliced.
    proxy.setLatency(5000)
    proxy.sliceChunks(3)
    const pending = client.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    )
    // Timers of earlier test files in this worker may still expire meanwhile, so only the proxy's
    // own handles are compared exactly; timers must not be above the baseline at the end.
    const busy = await countsWhen((c) => c['TCPServerWrap']! > baseline['TCPServerWrap']!)
    expect(busy['TCPServerWrap']).toBeGreaterThan(baseline['TCPServerWrap']!)
    expect(busy['TCPSocketWrap']).toBeGreaterThan(baseline['TCPSocketWrap']!)

    const first = proxy.close()
    expect(proxy.close()).toBe(first)
    await first
    await proxy.close()
    expect(await pending).toBeInstanceOf(Error)
    await ended

    expect(proxy.connections).toBe(0)
    expect(await connectRaw(proxy.port)).toMatchObject({ code: 'ECONNREFUSED' })
    const settled = await countsWhen((c) => WATCHED.every((k) => c[k]! <= baseline[k]!))
    for (const k of WATCHED) expect(settled[k], k).toBeLessThanOrEqual(baseline[k]!)
  })
})
