/**
 * reliability.md C.11: for every channel, malformed requests become a `validation` envelope and
 * the handler never runs.
 */
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { invokeChannels, type InvokeChannel } from '../../../src/shared/contract'
import {
  emptyListKeys,
  fractionalKeys,
  isOptionalKey,
  nullableKeys,
  numberAbove,
  leaves,
  spyHandlers,
  textLimits,
  totalCalls,
  validRequests,
  withLeaf,
} from './dispatch-fixture'

interface Case {
  label: string
  request: unknown
}

function nested(depth: number): unknown {
  let value: unknown = []
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

function nestedObject(depth: number): unknown {
  let value: unknown = {}
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

function malformedCases(channel: InvokeChannel): Case[] {
  const valid = validRequests[channel]
  const cases: Case[] = [
    { label: 'null', request: null },
    { label: 'undefined', request: undefined },
    { label: 'a string', request: 'profiles' },
    { label: 'a number', request: 1 },
    { label: 'an array', request: [valid] },
    { label: 'an extra top-level key', request: { ...valid, extra: 1 } },
    { label: '10k nested arrays', request: nested(10_000) },
    { label: '10k nested arrays in an extra key', request: { ...valid, deep: nested(10_000) } },
  ]
  for (const { path, value } of leaves(valid)) {
    const at = path.join('.')
    if (!isOptionalKey(channel, path))
      cases.push({ label: `missing ${at}`, request: withLeaf(valid, path, undefined, true) })
    const key = path[path.length - 1]
    const outOfRange = numberAbove[key as string] ?? 65536
    const wrongTypes: unknown[] =
      typeof value === 'number'
        ? ['5432', null, true, [], {}, NaN, Infinity, -Infinity, 0, -1, outOfRange, 2 ** 53]
        : typeof value === 'boolean'
          ? [1, null, 'true', [], {}, NaN, Infinity]
          : [1, null, true, [], {}, NaN, Infinity]
    if (typeof value === 'number' && !fractionalKeys.has(key as string)) wrongTypes.push(5432.5)
    for (const wrong of wrongTypes) {
      if (wrong === null && nullableKeys.has(key as string)) continue
      if (Array.isArray(wrong) && wrong.length === 0 && emptyListKeys.has(key as string)) continue
      cases.push({ label: `${at} = ${String(wrong)}`, request: withLeaf(valid, path, wrong) })
    }
    if (typeof value === 'string') {
      const limit = textLimits[path[path.length - 1] as string] ?? 100
      cases.push({
        label: `${at} over its limit`,
        request: withLeaf(valid, path, 'a'.repeat(limit + 1)),
      })
      cases.push({ label: `${at} of 1 MB`, request: withLeaf(valid, path, 'a'.repeat(1_000_000)) })
      cases.push({ label: `${at} with NUL`, request: withLeaf(valid, path, `${value}\u0000x`) })
      cases.push({
        label: `${at} nested 10k`,
        request: withLeaf(valid, path, nestedObject(10_000)),
      })
    }
  }
  // Every object level refuses unknown keys, not only the top.
  for (const { path } of leaves(valid).filter((l) => l.path.length > 1)) {
    const parent = path.slice(0, -1)
    cases.push({
      label: `extra key in ${parent.join('.')}`,
      request: withLeaf(valid, [...parent, 'extra'], 'x'),
    })
  }
  return cases
}

describe.each(invokeChannels.map((c) => [c]))(
  'dispatch(%s) with a malformed request',
  (channel) => {
    it('accepts the valid sample (so the refusals below are about the mutation)', async () => {
      const { handlers, spies } = spyHandlers()
      const result = await createDispatch(handlers)(channel, validRequests[channel])
      expect(result.ok).toBe(true)
      expect(spies[channel]).toHaveBeenCalledTimes(1)
    })

    it.each(malformedCases(channel).map((c) => [c.label, c.request]))(
      'refuses %s with a validation error',
      async (_label, request) => {
        const { handlers, spies } = spyHandlers()
        const result = await createDispatch(handlers)(channel, request)
        expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
        if (!result.ok) expect(typeof result.error.message).toBe('string')
        expect(totalCalls(spies)).toBe(0)
      },
    )
  },
)

describe('dispatch: boundary values are accepted', () => {
  it.each([
    ['port 1', ['profile', 'port'], 1],
    ['port 65535', ['profile', 'port'], 65535],
    ['name of exactly 100 chars', ['profile', 'name'], 'n'.repeat(100)],
    ['database of exactly 63 chars', ['profile', 'database'], 'd'.repeat(63)],
    ['password of exactly 1024 chars', ['profile', 'password'], 'p'.repeat(1024)],
  ] as const)('profiles:save with %s', async (_label, path, value) => {
    const { handlers, spies } = spyHandlers()
    const request = withLeaf(validRequests['profiles:save'], [...path], value)
    const result = await createDispatch(handlers)('profiles:save', request)
    expect(result.ok).toBe(true)
    expect(spies['profiles:save']).toHaveBeenCalledTimes(1)
  })

  it('whitespace-only name is refused after trimming', async () => {
    const { handlers, spies } = spyHandlers()
    const request = withLeaf(validRequests['profiles:save'], ['profile', 'name'], '   ')
    const result = await createDispatch(handlers)('profiles:save', request)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(totalCalls(spies)).toBe(0)
  })
})

describe('dispatch(profiles:test): the two request shapes do not mix', () => {
  it.each([
    ['draft and id', { draft: validRequests['profiles:test']['draft'], id: 'p1' }],
    ['draft and password', { draft: validRequests['profiles:test']['draft'], password: 'x' }],
    ['neither', { password: 'x' }],
    ['id that is not a profile id', { id: '../../etc/passwd' }],
  ])('refuses %s', async (_label, request) => {
    const { handlers, spies } = spyHandlers()
    const result = await createDispatch(handlers)('profiles:test', request)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(totalCalls(spies)).toBe(0)
  })

  it('accepts the id shape', async () => {
    const { handlers, spies } = spyHandlers()
    const result = await createDispatch(handlers)('profiles:test', { id: 'p1', password: 'x' })
    expect(result.ok).toBe(true)
    expect(spies['profiles:test']).toHaveBeenCalledWith({ id: 'p1', password: 'x' })
  })
})
