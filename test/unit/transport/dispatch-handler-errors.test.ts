/** A handler's outcome becomes an envelope: data, a typed error, or a generic `internal`. */
import { describe, expect, it, vi } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { spyHandlers, validRequests } from './dispatch-fixture'

describe('dispatch: handler outcomes', () => {
  it('a valid request answers {ok: true, data} with the handler result', async () => {
    const { handlers, spies } = spyHandlers()
    spies['profiles:list'].mockResolvedValueOnce([{ id: 'p1' }])
    const result = await createDispatch(handlers)('profiles:list', {})
    expect(result).toEqual({ ok: true, data: [{ id: 'p1' }] })
  })

  it('the handler receives the parsed (transformed) request, not the raw one', async () => {
    const { handlers, spies } = spyHandlers()
    const raw = validRequests['profiles:save']
    const profile = raw['profile'] as Record<string, unknown>
    await createDispatch(handlers)('profiles:save', {
      ...raw,
      profile: { ...profile, name: '  Padded  ', host: ' db.example.com ' },
    })
    expect(spies['profiles:save']).toHaveBeenCalledWith({
      ...raw,
      profile: { ...profile, name: 'Padded', host: 'db.example.com' },
    })
  })

  it('a LifeguardError becomes its own code, message and detail', async () => {
    const { handlers, spies } = spyHandlers()
    spies['profiles:delete'].mockRejectedValueOnce(
      new LifeguardError('not-found', 'no profile p1', { detail: 'it was deleted' }),
    )
    const onInternalError = vi.fn()
    const result = await createDispatch(handlers, { onInternalError })('profiles:delete', {
      id: 'p1',
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no profile p1', detail: 'it was deleted' },
    })
    expect(onInternalError).not.toHaveBeenCalled()
  })

  it('a LifeguardError without detail has no detail key', async () => {
    const { handlers, spies } = spyHandlers()
    spies['pool:connect'].mockRejectedValueOnce(new LifeguardError('password-required', 'enter it'))
    const result = await createDispatch(handlers)('pool:connect', { id: 'p1' })
    expect(result).toEqual({ ok: false, error: { code: 'password-required', message: 'enter it' } })
  })

  it.each([
    ['an Error', new Error('boom: password=hunter2 at /home/dba/.pgpass')],
    ['a TypeError', new TypeError('hunter2 is not a function')],
    ['a string', 'hunter2'],
    ['an object', { message: 'hunter2', code: 'not-found' }],
    ['undefined', undefined],
  ])('a thrown %s becomes a generic internal error, reported aside', async (_label, thrown) => {
    const { handlers, spies } = spyHandlers()
    spies['profiles:test'].mockRejectedValueOnce(thrown)
    const onInternalError = vi.fn()
    const result = await createDispatch(handlers, { onInternalError })(
      'profiles:test',
      validRequests['profiles:test'],
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('hunter2')
    expect(JSON.stringify(result)).not.toContain('.pgpass')
    expect(onInternalError).toHaveBeenCalledTimes(1)
    expect(onInternalError).toHaveBeenCalledWith('profiles:test', thrown)
  })

  it('a synchronous throw inside the handler is caught too', async () => {
    const { handlers, spies } = spyHandlers()
    spies['demo:start'].mockImplementationOnce(() => {
      throw new Error('sync hunter2')
    })
    const result = await createDispatch(handlers)('demo:start', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('hunter2')
  })
})
