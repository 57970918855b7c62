/**
 * The load lab's form: what it sends is exactly what the contract's schema accepts; each
 * refusal is shown under its field; fields that do not apply (sleep for SELECT 1, the leak's
 * figures without a leak) never block.
 */
import { describe, expect, it } from 'vitest'
import {
  defaultWorkload,
  draftOf,
  settingsOf,
  type LoadLabDraft,
} from '../../../src/renderer/src/features/loadlab/loadlab-form'
import { workloadSettingsSchema } from '../../../src/shared/cockpit-schemas'

const draft = (overrides: Partial<LoadLabDraft> = {}) => ({
  ...draftOf(defaultWorkload),
  ...overrides,
})

describe('load lab form', () => {
  it('the defaults start a SELECT 1 workload the contract accepts', () => {
    const result = settingsOf(draft(), true)
    expect(result).toEqual({ ok: true, settings: { ...defaultWorkload, enabled: true } })
    if (result.ok) expect(workloadSettingsSchema.safeParse(result.settings).success).toBe(true)
  })

  it('a sleep workload with a leak every 30 s held 20 s', () => {
    const result = settingsOf(
      draft({
        query: 'sleep',
        sleepMs: '250',
        leak: true,
        leakEverySeconds: '30',
        leakHoldMs: '20000',
      }),
      true,
    )
    expect(result).toMatchObject({
      ok: true,
      settings: { query: 'sleep', sleepMs: 250, leakEverySeconds: 30, leakHoldMs: 20_000 },
    })
  })

  it.each([
    ['clients', { clients: '0' }, 'clients must be between 1 and 200'],
    ['clients', { clients: '2.5' }, 'clients must be a whole number'],
    ['clients', { clients: '' }, 'clients must be a number'],
    ['ratePerSecond', { ratePerSecond: '0' }, 'rate must be between 0.1 and 10000 per second'],
    [
      'sleepMs',
      { query: 'sleep' as const, sleepMs: '0' },
      'a sleep workload needs a sleep longer than 0 ms',
    ],
    [
      'leakEverySeconds',
      { leak: true, leakEverySeconds: '0' },
      'leak interval must be between 1 and 86400 s',
    ],
    [
      'leakHoldMs',
      { leak: true, leakHoldMs: '10' },
      'leak hold time must be between 1000 and 3600000 ms',
    ],
  ])('%s: %j -> "%s"', (field, overrides, message) => {
    expect(settingsOf(draft(overrides), true)).toEqual({ ok: false, errors: { [field]: message } })
  })

  it('several wrong fields: a message under each', () => {
    const result = settingsOf(draft({ clients: '500', ratePerSecond: 'x' }), true)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['clients', 'ratePerSecond'])
  })

  it('fields that do not apply never block', () => {
    const result = settingsOf(
      draft({ query: 'select-1', sleepMs: 'junk', leak: false, leakHoldMs: '1' }),
      false,
    )
    expect(result).toMatchObject({
      ok: true,
      settings: { enabled: false, sleepMs: 0, leakEverySeconds: null, leakHoldMs: 60_000 },
    })
  })

  it('draftOf shows saved settings as text (and a 30 s default when no leak is set)', () => {
    expect(draftOf({ ...defaultWorkload, leakEverySeconds: 45 })).toMatchObject({
      leak: true,
      leakEverySeconds: '45',
    })
    expect(draftOf(defaultWorkload)).toMatchObject({ leak: false, leakEverySeconds: '30' })
  })
})
