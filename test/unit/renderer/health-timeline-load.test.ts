/**
 * Opening the health view loads main's timeline (health:get-timeline) into the store: records
 * merge with those already received by event, the status merges by `since`, a failure is
 * reported, and events keep the timeline current afterwards.
 */
import { describe, expect, it } from 'vitest'
import { loadHealthTimeline } from '../../../src/renderer/src/features/health/use-health-timeline'
import { startEventBridge } from '../../../src/renderer/src/stores/event-bridge'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { fail, ok } from '../../../src/shared/result'
import { attempt, outageView } from './health-fixture'
import { fakeTransport, settle } from './event-bridge-fixture'
import { status } from './store-fixture'

async function started() {
  const fake = fakeTransport('connected')
  const store = createLifeguardStore()
  startEventBridge(fake.transport, store)
  await settle()
  return { fake, store, state: () => store.getState() }
}

describe('health view: loading the timeline', () => {
  it('asks main for the profile and fills the slice and the status', async () => {
    const { fake, state } = await started()
    // Newer than the snapshot's status (since 1 000).
    const mainStatus = status('p1', 'failed', 5_000, { health: outageView() })
    fake.answers['health:get-timeline'] = () =>
      ok({ status: mainStatus, attempts: [attempt(1), attempt(2)] })
    const outcome = await loadHealthTimeline(fake.transport.api, 'p1', state())
    expect(outcome).toEqual({ phase: 'loaded' })
    expect(fake.invoke).toHaveBeenCalledWith('health:get-timeline', { id: 'p1' })
    expect(selectors.health.attempts('p1')(state())).toEqual([attempt(1), attempt(2)])
    expect(selectors.statuses.status('p1')(state())).toEqual(mainStatus)
  })

  it('records that arrived by event before the answer are kept once, newer ones stay', async () => {
    const { fake, state } = await started()
    fake.emit('health:attempt-recorded', attempt(2))
    fake.emit('health:attempt-recorded', attempt(3))
    fake.answers['health:get-timeline'] = () =>
      ok({ status: status('p1', 'failed', 50), attempts: [attempt(1), attempt(2)] })
    await loadHealthTimeline(fake.transport.api, 'p1', state())
    expect(
      selectors.health
        .attempts('p1')(state())
        .map((r) => r.attempt),
    ).toEqual([1, 2, 3])
  })

  it('a status received by event that is newer than main’s answer wins', async () => {
    const { fake, state } = await started()
    const newer = status('p1', 'connected', 9_000)
    fake.emit('connection:state-changed', newer)
    fake.answers['health:get-timeline'] = () =>
      ok({ status: status('p1', 'failed', 5_000), attempts: [] })
    await loadHealthTimeline(fake.transport.api, 'p1', state())
    expect(selectors.statuses.status('p1')(state())).toEqual(newer)
  })

  it('events after the load keep the timeline current', async () => {
    const { fake, state } = await started()
    fake.answers['health:get-timeline'] = () =>
      ok({ status: status('p1', 'failed', 50), attempts: [attempt(1)] })
    await loadHealthTimeline(fake.transport.api, 'p1', state())
    fake.emit('health:attempt-recorded', attempt(2))
    expect(selectors.health.attempts('p1')(state())).toEqual([attempt(1), attempt(2)])
  })

  it('a failed request is reported and changes nothing', async () => {
    const { fake, state } = await started()
    fake.emit('health:attempt-recorded', attempt(1))
    fake.answers['health:get-timeline'] = () => fail('not-found', 'no such profile')
    const outcome = await loadHealthTimeline(fake.transport.api, 'p1', state())
    expect(outcome).toEqual({
      phase: 'failed',
      error: { code: 'not-found', message: 'no such profile' },
    })
    expect(selectors.health.attempts('p1')(state())).toEqual([attempt(1)])
  })
})
