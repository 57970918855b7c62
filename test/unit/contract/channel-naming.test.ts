/** The contract's names follow one convention, and the lists agree with each other. */
import { describe, expect, it } from 'vitest'
import {
  eventChannels,
  eventMethods,
  invokeChannels,
  invokeMethods,
  isEventChannel,
  isInvokeChannel,
} from '../../../src/shared/channels'
import { eventContract, invokeContract } from '../../../src/shared/contract'

describe('channel names', () => {
  it.each(invokeChannels.map((c) => [c]))('invoke channel %s is area:verb-noun', (channel) => {
    expect(channel).toMatch(/^[a-z]+:[a-z-]+$/)
  })

  it.each(eventChannels.map((c) => [c]))('event channel %s is in the past tense', (channel) => {
    expect(channel).toMatch(/^[a-z]+:[a-z-]+$/)
    expect(channel).toMatch(/(ed|-changed|-raised)$/)
  })

  it('invoke and event channels never share a name', () => {
    const shared = invokeChannels.filter((c) => (eventChannels as string[]).includes(c))
    expect(shared).toEqual([])
  })

  it('method names are unique, and event methods are on<Something>', () => {
    const methods = [...Object.values(invokeMethods), ...Object.values(eventMethods)]
    expect(new Set(methods).size).toBe(methods.length)
    for (const m of Object.values(eventMethods)) expect(m).toMatch(/^on[A-Z][A-Za-z]+$/)
    for (const m of Object.values(invokeMethods)) expect(m).toMatch(/^[a-z][A-Za-z]+$/)
  })

  it('the contract declares exactly the listed channels', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...invokeChannels].sort())
    expect(Object.keys(eventContract).sort()).toEqual([...eventChannels].sort())
  })

  it('where the event contract names a method, it is the channel list’s method', () => {
    for (const channel of eventChannels) {
      const entry = eventContract[channel] as { method?: string }
      if (entry.method !== undefined) expect(entry.method).toBe(eventMethods[channel])
    }
  })

  it('the guards accept listed names only (no inherited keys)', () => {
    for (const c of invokeChannels) expect(isInvokeChannel(c)).toBe(true)
    for (const c of eventChannels) expect(isEventChannel(c)).toBe(true)
    for (const bogus of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 1, null]) {
      expect(isInvokeChannel(bogus)).toBe(false)
      expect(isEventChannel(bogus)).toBe(false)
    }
    expect(isInvokeChannel(eventChannels[0])).toBe(false)
    expect(isEventChannel(invokeChannels[0])).toBe(false)
  })
})
