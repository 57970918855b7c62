import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { spyHandlers, totalCalls, validRequests } from './dispatch-fixture'

describe('dispatch: unknown channels', () => {
  const names: unknown[] = [
    'profiles:nope',
    '',
    'PROFILES:LIST',
    ' profiles:list',
    'profiles:list\u0000',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'x'.repeat(100_000),
  ]
  const nonStrings: unknown[] = [
    42,
    null,
    undefined,
    true,
    {},
    ['profiles:list'],
    Symbol('profiles:list'),
  ]

  it.each(names.map((n) => [n]))(
    'refuses channel %j without running a handler',
    async (channel) => {
      const { handlers, spies } = spyHandlers()
      const result = await createDispatch(handlers)(channel, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
      expect(totalCalls(spies)).toBe(0)
    },
  )

  it.each(nonStrings.map((n) => [n]))('refuses non-string channel %s', async (channel) => {
    const { handlers, spies } = spyHandlers()
    const result = await createDispatch(handlers)(channel, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(totalCalls(spies)).toBe(0)
  })

  it('does not echo an unbounded channel name back', async () => {
    const { handlers } = spyHandlers()
    const result = await createDispatch(handlers)('y'.repeat(100_000), {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message.length).toBeLessThan(300)
  })

  it('still dispatches a known channel with a valid request', async () => {
    const { handlers, spies } = spyHandlers()
    const result = await createDispatch(handlers)(
      'profiles:delete',
      validRequests['profiles:delete'],
    )
    expect(result).toEqual({
      ok: true,
      data: { handledBy: 'profiles:delete', request: { id: 'p1' } },
    })
    expect(spies['profiles:delete']).toHaveBeenCalledTimes(1)
  })
})
