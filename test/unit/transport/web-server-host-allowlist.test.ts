/** reliability.md B.7: the Host header allowlist (defeats DNS rebinding), checked before anything. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INDEX_HTML, rawRequest, request, startHarness, type Harness } from './web-harness'

describe('browser-mode server: Host allowlist', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  const refusedHosts = (port: number): string[] => [
    `evil.example:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1.evil.example:${port}`,
    `localhost.evil.example:${port}`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `[::ffff:127.0.0.1]:${port}`,
    `user@127.0.0.1:${port}`,
    `127.0.0.1:0${port}`,
  ]

  it('refuses every other Host with 403, even with the right token', async () => {
    for (const host of refusedHosts(h.server.port)) {
      const before = h.server.refused
      const res = await request(h.server.port, `/?token=${h.server.token}`, { Host: host })
      expect(res.status, host).toBe(403)
      expect(res.body, host).not.toContain(INDEX_HTML)
      expect(res.headers['set-cookie'], host).toBeUndefined()
      expect(h.server.refused, host).toBe(before + 1)
    }
    expect(h.calls).toHaveLength(0)
  })

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])(
    'accepts Host %s with the server port',
    async (name) => {
      const res = await request(h.server.port, `/?token=${h.server.token}`, {
        Host: `${name}:${h.server.port}`,
      })
      expect(res.status).toBe(200)
      expect(res.body).toBe(INDEX_HTML)
    },
  )

  it('a HTTP/1.0 request without Host is 403', async () => {
    const answer = await rawRequest(h.server.port, `GET /?token=${h.server.token} HTTP/1.0\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 403 /)
    expect(answer).not.toContain(INDEX_HTML)
    expect(h.server.refused).toBe(1)
  })

  it('a HTTP/1.1 request without Host is refused (Node answers 400, RFC 9112) and serves nothing', async () => {
    const res = await request(h.server.port, `/?token=${h.server.token}`, {})
    expect([400, 403]).toContain(res.status)
    expect(res.body).not.toContain(INDEX_HTML)
    expect(h.calls).toHaveLength(0)
  })

  it('the Host check comes before the token check (no token + bad Host is 403, not 401)', async () => {
    const res = await request(h.server.port, '/', { Host: `evil.example:${h.server.port}` })
    expect(res.status).toBe(403)
  })
})
