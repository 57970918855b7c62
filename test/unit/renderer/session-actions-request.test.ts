/**
 * What main gets for an action (the pid as a number; allowOwn only when confirmed twice) and how
 * its answer reads: a refusal says "permission denied" plainly, a vanished session says so, and a
 * success names the pid, user and application verbatim.
 */
import { describe, expect, it } from 'vitest'
import {
  actionDoneText,
  actionErrorText,
  runSessionAction,
} from '../../../src/renderer/src/features/sessions/session-actions'
import { ok } from '../../../src/shared/result'
import { fakeTransport } from './event-bridge-fixture'
import { PAYLOAD } from './sessions-fixture'

describe('session actions: request and answer', () => {
  it('terminate goes to sessions:terminate with the profile and the pid, no allowOwn', async () => {
    const fake = fakeTransport('connected')
    fake.answers['sessions:terminate'] = () =>
      ok({ action: 'terminate', pid: 4242, user: 'bob', application: PAYLOAD })
    const result = await runSessionAction(fake.transport.api, 'p1', 'terminate', 4242, false)
    expect(fake.invoke).toHaveBeenCalledWith('sessions:terminate', { id: 'p1', pid: 4242 })
    expect(result).toEqual(
      ok({ action: 'terminate', pid: 4242, user: 'bob', application: PAYLOAD }),
    )
  })

  it('cancel goes to sessions:cancel; allowOwn is sent only when asked for', async () => {
    const fake = fakeTransport('connected')
    fake.answers['sessions:cancel'] = () =>
      ok({ action: 'cancel', pid: 77, user: 'lg', application: 'lifeguard' })
    await runSessionAction(fake.transport.api, 'p2', 'cancel', 77, true)
    expect(fake.invoke).toHaveBeenCalledWith('sessions:cancel', {
      id: 'p2',
      pid: 77,
      allowOwn: true,
    })
    expect(fake.invokeCount('sessions:terminate')).toBe(0)
  })

  it('a refusal reads "permission denied: …" with main\'s own words', () => {
    const message =
      'not allowed to terminate pid 4242 (user postgres): the server requires a superuser'
    expect(actionErrorText({ code: 'forbidden', message })).toBe(`permission denied: ${message}`)
  })

  it('a session that ended meanwhile is not a failure of the DBA', () => {
    const message = 'pid 4242 is not a session on this server (it may have ended)'
    expect(actionErrorText({ code: 'not-found', message })).toBe(`session gone: ${message}`)
  })

  it('other errors get their headline', () => {
    expect(actionErrorText({ code: 'timeout', message: 'the terminate of pid 1 timed out' })).toBe(
      'Timed out: the terminate of pid 1 timed out',
    )
  })

  it('a success names the pid, user and application verbatim', () => {
    expect(
      actionDoneText({ action: 'terminate', pid: 4242, user: 'bob', application: PAYLOAD }),
    ).toBe(`Terminated session 4242 (user bob, application ${PAYLOAD}).`)
    expect(actionDoneText({ action: 'cancel', pid: 9, user: null, application: '' })).toBe(
      'Cancelled the query of session 9.',
    )
  })
})
