import { describe, expect, it } from 'vitest'
import { usabilityOf } from '../../../../src/main/engine/queue/usability'
import type { ProfileStatus } from '../../../../src/shared/domain'

const status = (
  state: ProfileStatus['state'],
  breaker: 'closed' | 'open' | 'half-open' = 'closed',
): ProfileStatus =>
  ({
    profileId: 'p1',
    state,
    pool: null,
    serverVersion: null,
    error: null,
    since: 0,
    health: state === 'disconnected' ? null : ({ breaker } as ProfileStatus['health']),
    poolState: null,
    drain: null,
  }) as ProfileStatus

describe('usability from the profile status', () => {
  it('is usable only when connected with the breaker closed', () => {
    expect(usabilityOf(status('connected'))).toEqual({ usable: true })
    for (const s of [
      status('connecting'),
      status('failed'),
      status('disconnected'),
      status('connected', 'open'),
      status('connected', 'half-open'),
      null,
    ])
      expect(usabilityOf(s)).toMatchObject({
        usable: false,
        reason: { code: 'service-unavailable' },
      })
  })
})
