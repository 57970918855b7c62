/** reliability.md B.6 and B.9: loopback only, and the page needs the per-launch token. */
import net from 'node:net'
import os from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cookieName } from '../../../src/main/transport/web/security'
import { APP_JS, INDEX_HTML, request, startHarness, type Harness } from './web-harness'

describe('browser-mode server: page access', () => {
  let h: Harness
  let host: string
  const others: Harness[] = []

  beforeEach(async () => {
    h = await startHarness()
    host = `127.0.0.1:${h.server.port}`
  })
  afterEach(async () => {
    await h.close()
    for (const o of others.splice(0)) await o.close()
  })

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(h.server.url.startsWith(`http://127.0.0.1:${h.server.port}/`)).toBe(true)
    expect(h.server.port).toBeGreaterThan(0)
    expect(new URL(h.server.url).searchParams.get('token')).toBe(h.server.token)
  })

  const externalAddress = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address

  it.skipIf(externalAddress === undefined)(
    'is not reachable on this machine’s non-loopback address',
    async () => {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect(h.server.port, externalAddress as string)
        socket.once('connect', () => {
          socket.destroy()
          resolve('connected')
        })
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      })
      expect(outcome).toBe('ECONNREFUSED')
    },
  )

  it.each([
    ['no token', '/'],
    ['an empty token', '/?token='],
    ['a wrong token', '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a token with a suffix', null],
  ])('GET / with %s is 401 and serves nothing', async (_label, path) => {
    const target = path ?? `/?token=${h.server.token}x`
    const res = await request(h.server.port, target, { Host: host })
    expect(res.status).toBe(401)
    expect(res.body).not.toContain(INDEX_HTML)
    expect(res.body).not.toContain(h.server.token)
    expect(res.headers['set-cookie']).toBeUndefined()
    expect(h.server.refused).toBe(1)
    expect(h.calls).toHaveLength(0)
  })

  it("yesterday's token (another instance's) is 401", async () => {
    const yesterday = await startHarness()
    others.push(yesterday)
    expect(yesterday.server.token).not.toBe(h.server.token)
    const res = await request(h.server.port, `/?token=${yesterday.server.token}`, { Host: host })
    expect(res.status).toBe(401)
    expect(h.server.refused).toBe(1)
  })

  it('the right token serves index.html with a strict cookie and CSP', async () => {
    const res = await request(h.server.port, `/?token=${h.server.token}`, { Host: host })
    expect(res.status).toBe(200)
    expect(res.body).toBe(INDEX_HTML)
    expect(res.headers['content-type']).toMatch(/^text\/html/)

    const cookies = res.headers['set-cookie'] ?? []
    expect(cookies).toHaveLength(1)
    const cookie = cookies[0] as string
    expect(cookie.startsWith(`${cookieName(h.server.port)}=${h.server.token};`)).toBe(true)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Strict/i)

    const csp = res.headers['content-security-policy']
    expect(typeof csp).toBe('string')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(h.server.refused).toBe(0)
  })

  it('an asset loads with only the cookie', async () => {
    const res = await request(h.server.port, '/assets/app.js', {
      Host: host,
      Cookie: `theme=dark; ${cookieName(h.server.port)}=${h.server.token}`,
    })
    expect(res.status).toBe(200)
    expect(res.body).toBe(APP_JS)
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it.each([
    ['no cookie', undefined],
    ['a wrong cookie value', (h: Harness) => `${cookieName(h.server.port)}=nope`],
    [
      'the token under another port’s cookie name',
      (h: Harness) => `${cookieName(h.server.port + 1)}=${h.server.token}`,
    ],
  ])('an asset with %s is 401', async (_label, makeCookie) => {
    const headers: Record<string, string> = { Host: host }
    if (makeCookie) headers['Cookie'] = makeCookie(h)
    const res = await request(h.server.port, '/assets/app.js', headers)
    expect(res.status).toBe(401)
    expect(res.body).not.toContain(APP_JS)
    expect(h.server.refused).toBe(1)
  })
})
