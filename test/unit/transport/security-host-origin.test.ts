/** reliability.md B.7 and B.8 as pure functions: the Host allowlist and the WebSocket Origin check. */
import { describe, expect, it } from 'vitest'
import { isAllowedHost, isAllowedOrigin } from '../../../src/main/transport/web/security'

const P = 43117

describe('isAllowedHost', () => {
  it.each([`127.0.0.1:${P}`, `localhost:${P}`, `[::1]:${P}`, `LOCALHOST:${P}`, `LocalHost:${P}`])(
    'allows %s',
    (host) => {
      expect(isAllowedHost(host, P)).toBe(true)
    },
  )

  it.each([
    [undefined],
    [''],
    ['127.0.0.1'],
    ['localhost'],
    ['[::1]'],
    [`127.0.0.1:${P + 1}`],
    [`127.0.0.1:0${P}`],
    [`127.0.0.1:${P}0`],
    [`evil.example:${P}`],
    [`127.0.0.1.evil.example:${P}`],
    [`localhost.evil.example:${P}`],
    [`evil-localhost:${P}`],
    [`localhost.:${P}`],
    [`127.1:${P}`],
    [`127.0.0.2:${P}`],
    [`0.0.0.0:${P}`],
    [`2130706433:${P}`],
    [`0x7f000001:${P}`],
    [`[::ffff:127.0.0.1]:${P}`],
    [`[0:0:0:0:0:0:0:1]:${P}`],
    [`::1:${P}`],
    [`user@127.0.0.1:${P}`],
    [` 127.0.0.1:${P}`],
    [`127.0.0.1:${P} `],
    [`127.0.0.1:${P},evil.example`],
    [`127.0.0.1:${P}/`],
  ])('refuses %j', (host) => {
    expect(isAllowedHost(host, P)).toBe(false)
  })

  it('depends on the port it is given', () => {
    expect(isAllowedHost('127.0.0.1:1234', 1234)).toBe(true)
    expect(isAllowedHost('127.0.0.1:1234', 4321)).toBe(false)
  })
})

describe('isAllowedOrigin', () => {
  it.each([
    [`http://127.0.0.1:${P}`, `127.0.0.1:${P}`],
    [`http://localhost:${P}`, `localhost:${P}`],
    [`http://[::1]:${P}`, `[::1]:${P}`],
    [`HTTP://LOCALHOST:${P}`, `localhost:${P}`],
    [`http://localhost:${P}`, `LOCALHOST:${P}`],
  ])('allows Origin %s with Host %s', (origin, host) => {
    expect(isAllowedOrigin(origin, host, P)).toBe(true)
  })

  it.each([
    [undefined, `127.0.0.1:${P}`],
    ['', `127.0.0.1:${P}`],
    ['null', `127.0.0.1:${P}`],
    [`http://127.0.0.1:${P}`, undefined],
    [`http://127.0.0.1:${P}`, `localhost:${P}`],
    [`http://localhost:${P}`, `127.0.0.1:${P}`],
    [`https://127.0.0.1:${P}`, `127.0.0.1:${P}`],
    [`ws://127.0.0.1:${P}`, `127.0.0.1:${P}`],
    [`http://127.0.0.1`, `127.0.0.1:${P}`],
    [`http://127.0.0.1:${P + 1}`, `127.0.0.1:${P}`],
    [`http://127.0.0.1:${P + 1}`, `127.0.0.1:${P + 1}`],
    [`http://127.0.0.1.evil.example:${P}`, `127.0.0.1:${P}`],
    [`http://evil.example:${P}`, `evil.example:${P}`],
    [`http://127.0.0.1:${P}@evil.example`, `127.0.0.1:${P}`],
    [`http://127.0.0.1:${P}.evil.example`, `127.0.0.1:${P}`],
    [`http://evil.example/http://127.0.0.1:${P}`, `127.0.0.1:${P}`],
    [`file://`, `127.0.0.1:${P}`],
    [`chrome-extension://abcdef`, `127.0.0.1:${P}`],
  ])('refuses Origin %j with Host %j', (origin, host) => {
    expect(isAllowedOrigin(origin, host, P)).toBe(false)
  })
})
