/** One event's size is bounded: its message, its number of data fields and each data string. */
import { describe, expect, it } from 'vitest'
import { EngineEventLog } from '../../../src/main/engine/events/event-log'
import { MAX_DATA_TEXT, MAX_FIELDS, MAX_MESSAGE } from '../../../src/main/engine/events/event-text'
import { FakeClock } from '../../helpers/fake-clock'

describe('event bounds', () => {
  it('cuts long messages and data strings and drops extra fields', () => {
    const log = new EngineEventLog({ clock: new FakeClock(), onBatch: () => undefined })
    const data = Object.fromEntries(
      Array.from({ length: MAX_FIELDS + 5 }, (_, i) => [`f${i}`, 'x'.repeat(MAX_DATA_TEXT * 3)]),
    )
    const e = log.record('p', 'leak', 'warning', 'm'.repeat(MAX_MESSAGE * 4), data)
    expect(e.message).toHaveLength(MAX_MESSAGE)
    expect(e.message.endsWith('…')).toBe(true)
    expect(Object.keys(e.data)).toHaveLength(MAX_FIELDS)
    for (const v of Object.values(e.data)) expect(String(v).length).toBe(MAX_DATA_TEXT)
  })

  it('keeps numbers, booleans and null as they are', () => {
    const log = new EngineEventLog({ clock: new FakeClock(), onBatch: () => undefined })
    const e = log.record('p', 'attempt', 'info', 'ok', { n: 3, b: false, z: null, s: 'short' })
    expect(e.data).toEqual({ n: 3, b: false, z: null, s: 'short' })
  })
})
