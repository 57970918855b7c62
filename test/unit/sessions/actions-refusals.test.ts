import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import {
  ACTION_HOLDER,
  cancelSession,
  terminateSession,
  type SessionActionDeps,
} from '../../../src/main/engine/sessions/session-actions'
import { FakeClock } from '../../helpers/fake-clock'
import { StubAcquirer, statementError, type QueryHandler } from './support/stub-acquirer'

const ACTION_PID = 77

/** A server with one session, 4242 (user alice, application 'app'), or the given answers. */
function setup(
  options: {
    target?: Record<string, unknown> | null
    signal?: QueryHandler
    ownPids?: number[]
  } = {},
) {
  const target =
    options.target === undefined
      ? { usename: 'alice', application_name: 'app', backend_type: 'client backend' }
      : options.target
  const acquirer = new StubAcquirer((text, values) => {
    if (text.includes('FROM pg_stat_activity'))
      return target === null ? [] : [{ ...target, own_pid: ACTION_PID }]
    if (options.signal) return options.signal(text, values)
    return [{ done: true }]
  })
  const deps: SessionActionDeps = {
    acquirer,
    clock: new FakeClock(),
    ownPids: () => options.ownPids ?? [],
  }
  return { acquirer, deps }
}

describe('cancel and terminate (session-actions.ts)', () => {
  it('bind the pid as a parameter and name the function, on the monitor partition', async () => {
    const { acquirer, deps } = setup()
    await expect(cancelSession(deps, 4242)).resolves.toEqual({
      action: 'cancel',
      pid: 4242,
      user: 'alice',
      application: 'app',
    })
    await terminateSession(deps, 4242)
    const calls = acquirer.queries.filter((q) => q.text.includes('_backend('))
    expect(calls).toEqual([
      { text: 'SELECT pg_cancel_backend($1) AS done', values: [4242] },
      { text: 'SELECT pg_terminate_backend($1) AS done', values: [4242] },
    ])
    expect(acquirer.acquires[0]).toMatchObject({ partition: 'monitor', holder: ACTION_HOLDER })
    expect(acquirer.held).toBe(0)
  })

  it('validate the pid before touching the database', async () => {
    const { acquirer, deps } = setup()
    await expect(terminateSession(deps, '4242; DROP TABLE x')).rejects.toMatchObject({
      code: 'validation',
    })
    await expect(cancelSession(deps, 0)).rejects.toMatchObject({ code: 'validation' })
    expect(acquirer.acquires).toEqual([])
  })

  it("refuse Lifeguard's own pool backends unless allowOwn is set", async () => {
    const { acquirer, deps } = setup({ ownPids: [4242] })
    const refused = await terminateSession(deps, 4242).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(LifeguardError)
    expect(refused).toMatchObject({
      code: 'forbidden',
      message:
        "pid 4242 is one of Lifeguard's own sessions: refusing to terminate it (pass allowOwn to do it anyway)",
    })
    expect(acquirer.acquires).toEqual([])
    await expect(terminateSession(deps, 4242, { allowOwn: true })).resolves.toMatchObject({
      pid: 4242,
    })
  })

  it('refuse sessions whose application_name says Lifeguard unless allowOwn is set', async () => {
    const { acquirer, deps } = setup({
      target: { usename: 'x', application_name: 'lifeguard-admin', backend_type: 'client backend' },
    })
    await expect(cancelSession(deps, 4242)).rejects.toMatchObject({ code: 'forbidden' })
    expect(acquirer.queries.some((q) => q.text.includes('_backend('))).toBe(false)
    await expect(cancelSession(deps, 4242, { allowOwn: true })).resolves.toMatchObject({
      pid: 4242,
    })
  })

  it('refuse the connection the action itself runs on, even with allowOwn', async () => {
    const { deps } = setup()
    await expect(terminateSession(deps, ACTION_PID, { allowOwn: true })).rejects.toMatchObject({
      code: 'forbidden',
      message: `pid ${ACTION_PID} is the connection Lifeguard runs this terminate on: it cannot terminate itself`,
    })
  })

  it("turn a permission failure (42501) into 'forbidden' naming the pid", async () => {
    const { acquirer, deps } = setup({
      signal: () => {
        throw statementError('42501', 'permission denied to terminate process')
      },
    })
    const error = await terminateSession(deps, 4242).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'forbidden',
      detail: 'permission denied to terminate process',
      message: expect.stringMatching(
        /^not allowed to terminate pid 4242 \(user alice\): .*pg_signal_backend/,
      ),
    })
    expect(acquirer.releases).toEqual([{ error: undefined }])
  })

  it("report a pid that is not (or no longer) a session as 'not-found'", async () => {
    const absent = setup({ target: null })
    await expect(cancelSession(absent.deps, 4242)).rejects.toMatchObject({
      code: 'not-found',
      message: 'pid 4242 is not a session on this server (it may have ended)',
    })
    // it ended between the check and the call: the function returns false with a WARNING
    let looked = 0
    const { deps } = setup({ signal: () => [{ done: false }] })
    const answer = (deps.acquirer as StubAcquirer).handler
    ;(deps.acquirer as StubAcquirer).handler = (text, values) =>
      text.includes('FROM pg_stat_activity') && looked++ > 0 ? [] : answer(text, values)
    await expect(terminateSession(deps, 4242)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('say so when the server will not signal a process that is still there', async () => {
    const { deps } = setup({
      target: { usename: null, application_name: '', backend_type: 'checkpointer' },
      signal: () => [{ done: false }],
    })
    await expect(terminateSession(deps, 4242)).rejects.toMatchObject({
      code: 'invalid-state',
      message:
        'the server did not terminate pid 4242: a checkpointer process cannot be signalled this way',
    })
  })
})
