import { describe, expect, it, vi } from 'vitest'
import { TypedEmitter } from '../../../src/main/engine/core/emitter'
import { forwardEvents } from '../../../src/main/transport/ipc'
import { eventChannels, type EventPayloads } from '../../../src/shared/contract'

const payloadFor = (i: number) => ({ n: i }) as unknown as EventPayloads[keyof EventPayloads]

describe('forwardEvents', () => {
  it('forwards every event channel with its payload', () => {
    const events = new TypedEmitter<EventPayloads>()
    const send = vi.fn()
    forwardEvents(events, send)
    eventChannels.forEach((channel, i) => events.emit(channel, payloadFor(i) as never))
    expect(send.mock.calls).toEqual(eventChannels.map((channel, i) => [channel, { n: i }]))
  })

  it('the returned unsubscribe stops forwarding and removes its listeners', () => {
    const events = new TypedEmitter<EventPayloads>()
    const send = vi.fn()
    const stop = forwardEvents(events, send)
    for (const channel of eventChannels) expect(events.listenerCount(channel)).toBe(1)
    stop()
    for (const channel of eventChannels) {
      events.emit(channel, payloadFor(0) as never)
      expect(events.listenerCount(channel)).toBe(0)
    }
    expect(send).not.toHaveBeenCalled()
  })

  it('a failing send does not stop other events from being forwarded', () => {
    const events = new TypedEmitter<EventPayloads>()
    const send = vi.fn((channel: string) => {
      if (channel === eventChannels[0]) throw new Error('window gone')
    })
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    forwardEvents(events, send)
    eventChannels.forEach((channel, i) => events.emit(channel, payloadFor(i) as never))
    expect(send).toHaveBeenCalledTimes(eventChannels.length)
    quiet.mockRestore()
  })
})
