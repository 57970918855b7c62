/**
 * The desktop transport with batching: samples coalesced per profile and flushed on the injected
 * clock, other events at once and in order, each sent as its own IPC message.
 */
import { describe, expect, it, vi } from 'vitest'
import { TypedEmitter } from '../../../src/main/engine/core/emitter'
import { forwardEvents } from '../../../src/main/transport/ipc'
import type { EventPayloads } from '../../../src/shared/contract'
import { FakeClock } from '../../helpers/fake-clock'

const payload = <T>(value: object) => value as unknown as T

describe('forwardEvents with batching', () => {
  it('coalesces samples and keeps their order with state changes', async () => {
    const clock = new FakeClock()
    const events = new TypedEmitter<EventPayloads>()
    const send = vi.fn()
    const stop = forwardEvents(events, send, { timers: clock })
    events.emit('pool:stats-changed', payload({ profileId: 'a', n: 1 }))
    events.emit('pool:stats-changed', payload({ profileId: 'a', n: 2 }))
    events.emit('pool:stats-changed', payload({ profileId: 'b', n: 1 }))
    expect(send).not.toHaveBeenCalled()
    events.emit('connection:state-changed', payload({ profileId: 'a', state: 'failed' }))
    expect(send.mock.calls).toEqual([
      ['pool:stats-changed', { profileId: 'a', n: 2 }],
      ['connection:state-changed', { profileId: 'a', state: 'failed' }],
    ])
    await clock.advance(250)
    expect(send.mock.calls[2]).toEqual(['pool:stats-changed', { profileId: 'b', n: 1 }])
    stop()
    events.emit('pool:stats-changed', payload({ profileId: 'a', n: 3 }))
    await clock.advance(250)
    expect(send).toHaveBeenCalledTimes(3)
    expect(clock.pendingTimers).toBe(0)
  })
})
