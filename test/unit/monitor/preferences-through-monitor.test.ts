/**
 * app:get-preferences / app:set-preferences through the handlers: changes are pushed as
 * preferences:changed; an unknown profile id is 'not-found'; deleting a profile takes it out of
 * the mutes and the history sink (and pushes that too).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/engine/handlers'
import { createDispatch } from '../../../src/main/transport/dispatch'
import type { AppPreferences } from '../../../src/shared/cockpit'
import { stubMonitor } from './support'

let h: ReturnType<typeof stubMonitor>
afterEach(async () => h.close())

describe('preferences through the monitor', () => {
  it('sets, pushes, refuses unknown ids and forgets deleted profiles', async () => {
    h = stubMonitor()
    const dispatch = createDispatch(createHandlers(h.monitor))
    const pushed: AppPreferences[] = []
    h.monitor.events.on('preferences:changed', (p) => pushed.push(p))
    const a = h.monitor.saveProfile(undefined, h.draft('a'))
    const b = h.monitor.saveProfile(undefined, h.draft('b'))

    expect(await dispatch('app:get-preferences', {})).toMatchObject({
      ok: true,
      data: { mutedProfileIds: [], notificationsEnabled: true },
    })
    const set = await dispatch('app:set-preferences', {
      mutedProfileIds: [a.id, b.id],
      historySink: { profileId: a.id, intervalMs: 20_000 },
    })
    expect(set).toMatchObject({ ok: true, data: { mutedProfileIds: [a.id, b.id] } })
    expect(pushed).toHaveLength(1)

    const refused = await dispatch('app:set-preferences', { mutedProfileIds: ['ghost'] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(pushed).toHaveLength(1)

    await h.monitor.deleteProfile(a.id)
    expect(h.monitor.preferences()).toEqual({
      mutedProfileIds: [b.id],
      notificationsEnabled: true,
      historySink: { profileId: null, intervalMs: 20_000 },
    })
    expect(pushed.at(-1)).toEqual(h.monitor.preferences())
  })
})
