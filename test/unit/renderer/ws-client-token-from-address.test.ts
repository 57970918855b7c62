/**
 * Browser mode start-up: the per-launch token is read from `?token=`, removed from the address bar
 * (history.replaceState) and sent on the socket URL `ws://HOST/ws?token=…`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createBrowserClient,
  socketUrl,
  takeTokenFromLocation,
} from '../../../src/renderer/src/api/ws-client'
import { installFakeWebSocket, latestSocket, FakeWebSocket } from './fake-web-socket'

type PageLocation = Parameters<typeof takeTokenFromLocation>[0]
type PageHistory = Parameters<typeof takeTokenFromLocation>[1]

function page(href: string) {
  const url = new URL(href)
  const location = {
    href: url.href,
    protocol: url.protocol,
    host: url.host,
    hostname: url.hostname,
    port: url.port,
    pathname: url.pathname,
    search: url.search,
    hash: url.hash,
    origin: url.origin,
  }
  const history = { state: { page: 'lifeguard' }, replaceState: vi.fn() }
  return {
    location,
    history,
    typed: {
      location: location as unknown as PageLocation,
      history: history as unknown as PageHistory,
    },
  }
}

beforeEach(() => installFakeWebSocket())
afterEach(() => vi.unstubAllGlobals())

describe('ws-client: token from the address bar', () => {
  it('createBrowserClient takes the token out of the address and puts it on the socket URL', () => {
    const p = page('http://127.0.0.1:5173/?token=s3cret')
    vi.stubGlobal('window', { location: p.location, history: p.history })

    createBrowserClient()

    expect(p.history.replaceState).toHaveBeenCalledTimes(1)
    const [state, unused, url] = p.history.replaceState.mock.calls[0] ?? []
    expect(state).toBe(p.history.state)
    expect(unused).toBe('')
    expect(url).toBe('/')
    expect(String(url)).not.toContain('s3cret')
    expect(FakeWebSocket.instances).toHaveLength(1)
    expect(latestSocket().url).toBe('ws://127.0.0.1:5173/ws?token=s3cret')
  })

  it('keeps the other query parameters, the path and the hash', () => {
    const p = page('http://localhost:8080/app/?a=1&token=t0k&b=two#cards')
    expect(takeTokenFromLocation(p.typed.location, p.typed.history)).toBe('t0k')
    expect(p.history.replaceState).toHaveBeenCalledWith(
      p.history.state,
      '',
      '/app/?a=1&b=two#cards',
    )
  })

  it('without a token: no history change, and the socket URL carries no token (cookie auth)', () => {
    const p = page('http://127.0.0.1:5173/?a=1')
    vi.stubGlobal('window', { location: p.location, history: p.history })
    expect(takeTokenFromLocation(p.typed.location, p.typed.history)).toBeUndefined()
    createBrowserClient()
    expect(p.history.replaceState).not.toHaveBeenCalled()
    expect(latestSocket().url).toBe('ws://127.0.0.1:5173/ws')
  })

  it.each([
    ['http://127.0.0.1:5173/', 'abc', 'ws://127.0.0.1:5173/ws?token=abc'],
    ['https://lifeguard.local/', 'abc', 'wss://lifeguard.local/ws?token=abc'],
    ['http://[::1]:9000/x', 'a b&c=d/é', 'ws://[::1]:9000/ws?token=a%20b%26c%3Dd%2F%C3%A9'],
    ['http://localhost:1/', undefined, 'ws://localhost:1/ws'],
  ])('socketUrl(%s, %s) = %s', (href, token, expected) => {
    expect(socketUrl(page(href).typed.location, token)).toBe(expected)
  })

  it('a percent-encoded token in the address is decoded once and re-encoded on the socket URL', () => {
    const p = page('http://127.0.0.1:5173/?token=a%2Bb%3D')
    vi.stubGlobal('window', { location: p.location, history: p.history })
    createBrowserClient()
    expect(latestSocket().url).toBe('ws://127.0.0.1:5173/ws?token=a%2Bb%3D')
  })
})
