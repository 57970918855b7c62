/**
 * Reconnect now and Reset backoff call main's health:reconnect-now / health:reset-backoff for the
 * profile; main's fresh status is merged into the store, an error is handed back.
 */
import { describe, expect, it } from 'vitest'
import { runHealthCommand } from '../../../src/renderer/src/features/health/health-commands'
import { createLifeguardStore, selectors } from '../../../src/renderer/src/stores/store'
import { fail, ok } from '../../../src/shared/result'
import { fakeTransport } from './event-bridge-fixture'
import { outageView } from './health-fixture'
import { status } from './store-fixture'

describe('health commands', () => {
  it.each([
    ['reconnect', 'health:reconnect-now'],
    ['reset', 'health:reset-backoff'],
  ] as const)('%s calls %s for the profile and merges the answer', async (command, channel) => {
    const fake = fakeTransport('connected')
    const store = createLifeguardStore()
    const answer = status('p1', 'connecting', 7_000, { health: outageView({ backoffStep: 1 }) })
    fake.answers[channel] = () => ok(answer)
    const error = await runHealthCommand(fake.transport.api, 'p1', command, store.getState())
    expect(error).toBeNull()
    expect(fake.invoke).toHaveBeenCalledWith(channel, { id: 'p1' })
    expect(fake.invoke).toHaveBeenCalledTimes(1)
    expect(selectors.statuses.status('p1')(store.getState())).toEqual(answer)
  })

  it('an error is handed back and the store is left alone', async () => {
    const fake = fakeTransport('connected')
    const store = createLifeguardStore()
    fake.answers['health:reconnect-now'] = () =>
      fail('invalid-state', 'the profile is not connected: connect it first')
    const error = await runHealthCommand(fake.transport.api, 'p1', 'reconnect', store.getState())
    expect(error).toEqual({
      code: 'invalid-state',
      message: 'the profile is not connected: connect it first',
    })
    expect(selectors.statuses.status('p1')(store.getState())).toBeUndefined()
  })
})
