/** reliability.md B.7-B.9: the WebSocket upgrade needs Host, Origin and token, checked first. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cookieName } from '../../../src/main/transport/web/security'
import { startHarness, tryUpgrade, type Harness } from './web-harness'

describe('browser-mode server: WebSocket upgrade', () => {
  let h: Harness
  let port: number
  let origin: string
  const extra: Harness[] = []

  beforeEach(async () => {
    h = await startHarness()
    port = h.server.port
    origin = `http://127.0.0.1:${port}`
  })
  afterEach(async () => {
    await h.close()
    for (const o of extra.splice(0)) await o.close()
  })

  async function expectRefused(path: string, headers: Record<string, string>, status: number) {
    const before = h.server.refused
    const outcome = await tryUpgrade(port, path, headers)
    expect(outcome).toEqual({ opened: false, status })
    expect(h.server.refused).toBe(before + 1)
    expect(h.calls).toHaveLength(0)
  }

  it('no token is 401', async () => {
    await expectRefused('/ws', { Origin: origin }, 401)
  })

  it('a wrong token is 401', async () => {
    await expectRefused('/ws?token=wrong', { Origin: origin }, 401)
  })

  it("yesterday's token (another instance's) is 401", async () => {
    const other = await startHarness()
    extra.push(other)
    await expectRefused(`/ws?token=${other.server.token}`, { Origin: origin }, 401)
  })

  it.each([
    ['http://evil.example'],
    ['null'],
    ['OTHER_PORT'],
    ['http://127.0.0.1.evil.example:PORT'],
    ['https://127.0.0.1:PORT'],
    ['http://localhost:PORT'],
    ['http://127.0.0.1:PORT@evil.example'],
    ['http://127.0.0.1'],
  ])('Origin %s is 403 even with the right token', async (template) => {
    const value =
      template === 'OTHER_PORT'
        ? `http://127.0.0.1:${port + 1}`
        : template.replace('PORT', String(port))
    await expectRefused(`/ws?token=${h.server.token}`, { Origin: value }, 403)
  })

  it('a missing Origin is 403', async () => {
    await expectRefused(`/ws?token=${h.server.token}`, {}, 403)
  })

  it('a wrong Host is 403, even when the Origin matches it (DNS rebinding)', async () => {
    await expectRefused(
      `/ws?token=${h.server.token}`,
      { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
      403,
    )
    await expectRefused(
      `/ws?token=${h.server.token}`,
      { Host: `127.0.0.1:${port + 1}`, Origin: `http://127.0.0.1:${port + 1}` },
      403,
    )
  })

  it('another path is 404', async () => {
    await expectRefused(`/socket?token=${h.server.token}`, { Origin: origin }, 404)
  })

  it('the right token, Origin and Host open the socket', async () => {
    const outcome = await tryUpgrade(port, `/ws?token=${h.server.token}`, { Origin: origin })
    expect(outcome.opened).toBe(true)
    if (outcome.opened) outcome.ws.close()
    expect(h.server.refused).toBe(0)
  })

  it('the cookie the page set is enough for the socket', async () => {
    const outcome = await tryUpgrade(port, '/ws', {
      Origin: `http://localhost:${port}`,
      Host: `localhost:${port}`,
      Cookie: `${cookieName(port)}=${h.server.token}`,
    })
    expect(outcome.opened).toBe(true)
    if (outcome.opened) outcome.ws.close()
  })
})
