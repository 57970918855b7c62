/**
 * "Nothing a client sends can crash the server": a request target that is not a valid URL (sent
 * by any local process, before any token check) must be refused, not thrown from the listener.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INDEX_HTML, rawRequest, request, startHarness, type Harness } from './web-harness'

const badTargets = ['http://[', '//[']

describe('browser-mode server: malformed request targets', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  async function stillServing(): Promise<void> {
    const res = await request(h.server.port, `/?token=${h.server.token}`, {
      Host: `127.0.0.1:${h.server.port}`,
    })
    expect(res.status).toBe(200)
    expect(res.body).toBe(INDEX_HTML)
  }

  it.each(badTargets)(
    'GET %s is answered with a 4xx and the server keeps serving',
    async (target) => {
      const answer = await rawRequest(
        h.server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${h.server.port}\r\nConnection: close\r\n\r\n`,
        1000,
      )
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /)
      expect(answer).not.toContain(INDEX_HTML)
      await stillServing()
    },
  )

  it.each(badTargets)(
    'a WebSocket upgrade to %s is refused and the server keeps serving',
    async (target) => {
      const port = h.server.port
      const answer = await rawRequest(
        port,
        [
          `GET ${target} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          `Origin: http://127.0.0.1:${port}`,
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          '',
          '',
        ].join('\r\n'),
        1000,
      )
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /)
      expect(h.calls).toHaveLength(0)
      await stillServing()
    },
  )
})
