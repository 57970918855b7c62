/** The drain dialog's form becomes a pool:drain request the contract accepts, or a message. */
import { describe, expect, it } from 'vitest'
import {
  defaultDrainForm,
  drainRequest,
} from '../../../src/renderer/src/features/control/drain-model'
import { drainRequestSchema } from '../../../src/shared/cockpit-schemas'

const form = (overrides: Partial<typeof defaultDrainForm>) => ({
  ...defaultDrainForm,
  ...overrides,
})

describe('drain form', () => {
  it('seconds become deadlineMs, with the chosen straggler policy', () => {
    const result = drainRequest('p1', form({ deadlineSeconds: '30', onDeadline: 'terminate' }))
    expect(result).toEqual({
      ok: true,
      request: { id: 'p1', deadlineMs: 30_000, onDeadline: 'terminate' },
    })
    if (result.ok) expect(drainRequestSchema.safeParse(result.request).success).toBe(true)
  })

  it('fractions of a second are rounded to whole ms', () => {
    expect(drainRequest('p1', form({ deadlineSeconds: '0.3333' }))).toMatchObject({
      ok: true,
      request: { deadlineMs: 333 },
    })
  })

  it('no deadline: no deadlineMs and no policy (whatever the field says)', () => {
    expect(drainRequest('p1', form({ noDeadline: true, deadlineSeconds: 'junk' }))).toEqual({
      ok: true,
      request: { id: 'p1' },
    })
  })

  it.each(['', '  ', 'soon', 'NaN', 'Infinity'])('%j is not a number of seconds', (text) => {
    expect(drainRequest('p1', form({ deadlineSeconds: text }))).toEqual({
      ok: false,
      field: 'deadline',
      message: 'Enter the deadline in seconds, e.g. 30',
    })
  })

  it.each(['0', '0.05', '-5', '3600.5', '99999'])('%s s is out of range', (text) => {
    const result = drainRequest('p1', form({ deadlineSeconds: text }))
    expect(result).toEqual({
      ok: false,
      field: 'deadline',
      message: 'The deadline must be between 0.1 and 3600 seconds',
    })
  })

  it('the limits themselves are accepted (and so is the contract)', () => {
    for (const text of ['0.1', '3600']) {
      const result = drainRequest('p1', form({ deadlineSeconds: text }))
      expect(result.ok).toBe(true)
      if (result.ok) expect(drainRequestSchema.safeParse(result.request).success).toBe(true)
    }
  })
})
