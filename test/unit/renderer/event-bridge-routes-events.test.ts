/** Each of main's events reaches the right store action. */
import { describe, expect, it } from 'vitest'
import { eventRoutes, startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { eventChannels, eventMethods } from '../../../src/shared/channels'
import { profile, sample, stats, status, warning } from './store-fixture'
import { fakeTransport, settle } from './event-bridge-fixture'

async function started() {
  const fake = fakeTransport()
  fake.answers['monitor:get-snapshot'] = () => ({ ok: true, data: { profiles: [], statuses: [] } })
  const store = createLifeguardStore()
  startEventBridge(fake.transport, store)
  await settle()
  return { fake, store, state: () => store.getState() }
}

describe('event bridge: routing', () => {
  it('has exactly one route per event method of the contract', () => {
    expect(Object.keys(eventRoutes).sort()).toEqual(
      eventChannels.map((c) => eventMethods[c]).sort(),
    )
  })

  it('profiles:changed -> setProfiles', async () => {
    const { fake, state } = await started()
    const list = [profile('a'), profile('b')]
    fake.emit('profiles:changed', list)
    expect(selectors.profiles.profiles(state())).toEqual(list)
    expect(selectors.profiles.loaded(state())).toBe(true)
  })

  it('connection:state-changed -> setStatuses, once the task that delivered it is done', async () => {
    const { fake, state } = await started()
    fake.emit('connection:state-changed', status('a', 'failed', 5))
    await settle()
    expect(selectors.statuses.status('a')(state())).toEqual(status('a', 'failed', 5))
  })

  it('pool:stats-changed -> addSamples, once the task that delivered it is done', async () => {
    const { fake, state } = await started()
    fake.emit('connection:state-changed', status('a', 'connected', 5))
    await settle()
    fake.emit('pool:stats-changed', sample('a', 3_000, 6))
    expect(selectors.statuses.lastSampleAt('a')(state())).toBeUndefined()
    await settle()
    expect(selectors.statuses.history('a')(state())?.toArray()).toEqual([sample('a', 3_000, 6)])
    expect(selectors.statuses.lastSampleAt('a')(state())).toBe(3_000)
    expect(selectors.statuses.pool('a')(state())).toEqual(stats(6))
  })

  it('app:warning-raised -> addWarning', async () => {
    const { fake, state } = await started()
    fake.emit('app:warning-raised', warning('disk'))
    expect(selectors.app.warnings(state())).toEqual([warning('disk')])
  })

  it('a protocol error becomes a warning; each one gets its own id', async () => {
    const { fake, state } = await started()
    fake.protocolError({ code: 'bad-message', message: 'not JSON' })
    fake.protocolError({ code: 'bad-message', message: 'not JSON' })
    const warnings = selectors.app.warnings(state())
    expect(warnings).toHaveLength(2)
    expect(new Set(warnings.map((w) => w.id)).size).toBe(2)
    expect(warnings[0]?.message).toContain('not JSON')
  })
})
