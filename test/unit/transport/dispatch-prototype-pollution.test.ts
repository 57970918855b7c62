/** reliability.md C.12: `__proto__` / `constructor.prototype` payloads pollute nothing. */
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { invokeChannels } from '../../../src/shared/contract'
import { prototypeKeys, spyHandlers, totalCalls, validDraft } from './dispatch-fixture'

const draft = JSON.stringify(validDraft).slice(1, -1)

/** Wire-shaped payloads: JSON.parse makes `__proto__` an own key, as a real attacker's would be. */
const payloads = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"id":"p1","__proto__":{"polluted":"yes"}}',
  '{"id":"p1","constructor":{"prototype":{"polluted":"yes"}}}',
  `{"profile":{${draft},"__proto__":{"polluted":"yes"}}}`,
  `{"profile":{${draft},"constructor":{"prototype":{"polluted":"yes"}}}}`,
  `{"draft":{${draft},"__proto__":{"polluted":"yes"}}}`,
  `{"draft":{${draft}},"__proto__":{"polluted":"yes"}}`,
  '{"id":"p1","password":"x","__proto__":{"isAdmin":true}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
]

describe('dispatch: prototype-pollution payloads', () => {
  const before = prototypeKeys()

  afterEach(() => {
    // Never let a failure here leak into other tests.
    for (const key of ['polluted', 'isAdmin'])
      delete (Object.prototype as Record<string, unknown>)[key]
  })

  for (const channel of invokeChannels) {
    it.each(payloads.map((p) => [p]))(`${channel} refuses %s`, async (text) => {
      const request: unknown = JSON.parse(text)
      const { handlers, spies } = spyHandlers()
      const result = await createDispatch(handlers)(channel, request)

      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(totalCalls(spies)).toBe(0)
      expect(prototypeKeys()).toEqual(before)
      const probe: Record<string, unknown> = {}
      expect(probe['polluted']).toBeUndefined()
      expect(probe['isAdmin']).toBeUndefined()
    })
  }

  it('the payloads really carry an own __proto__ key (the test is not vacuous)', () => {
    const parsed = JSON.parse(payloads[0] as string) as object
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
  })
})
