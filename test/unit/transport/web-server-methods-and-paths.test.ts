/** Only GET/HEAD, and nothing outside the static folder can be named. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INDEX_HTML, SECRET, request, startHarness, type Harness } from './web-harness'

describe('browser-mode server: methods and paths', () => {
  let h: Harness
  let headers: Record<string, string>
  beforeEach(async () => {
    h = await startHarness()
    headers = { Host: `127.0.0.1:${h.server.port}` }
  })
  afterEach(async () => {
    await h.close()
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s is 405', async (method) => {
    const res = await request(h.server.port, `/?token=${h.server.token}`, headers, method)
    expect(res.status).toBe(405)
    expect(res.body).not.toContain(INDEX_HTML)
    expect(h.server.refused).toBe(1)
    expect(h.calls).toHaveLength(0)
  })

  it('HEAD is allowed and has no body', async () => {
    const res = await request(h.server.port, `/?token=${h.server.token}`, headers, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.body).toBe('')
  })

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/index.html%00.js',
    '/%00',
    '/assets%00/app.js',
    '/%ff',
    '/assets',
    '/assets/',
    '/missing.html',
  ])('%s is 404 and never file content', async (path) => {
    const sep = path.includes('?') ? '&' : '?'
    const res = await request(h.server.port, `${path}${sep}token=${h.server.token}`, headers)
    expect(res.status).toBe(404)
    expect(res.body).not.toContain(SECRET)
    expect(res.body).not.toContain(INDEX_HTML)
    expect(h.server.refused).toBe(1)
  })

  it('the same file is served under its real path (the 404s above are about the path)', async () => {
    const res = await request(h.server.port, `/index.html?token=${h.server.token}`, headers)
    expect(res.status).toBe(200)
    expect(res.body).toBe(INDEX_HTML)
  })
})
