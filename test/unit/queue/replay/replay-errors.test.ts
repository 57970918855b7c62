import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../../src/main/engine/core/errors'
import { ServiceUnavailableError } from '../../../../src/main/engine/health/circuit-breaker'
import { classifyReplayError } from '../../../../src/main/engine/queue/replay/replay-errors'
import { serverError } from './support/fake-database'
import { target } from './support/queue-harness'

const classify = (error: unknown) => classifyReplayError(error, 'the statement', target, 1)

describe('classifying what a replay step threw', () => {
  it('keeps the SQLSTATE and the server text (as data) of a server error', () => {
    const error = Object.assign(serverError('23505', 'duplicate key value'), {
      detail: 'Key (id)=(1) already exists.',
    })
    expect(classify(error)).toEqual({
      kind: 'permanent',
      broken: false,
      error: {
        code: 'query-failed',
        sqlstate: '23505',
        message:
          'the statement failed: duplicate key value (Key (id)=(1) already exists.) [SQLSTATE 23505]',
        errorClass: 'permanent',
        at: 1,
      },
    })
  })

  it('classifies network errors through pg-errors as transient and breaking', () => {
    for (const error of [
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Query read timeout'),
    ])
      expect(classify(error)).toMatchObject({
        kind: 'transient',
        broken: true,
        error: { sqlstate: null },
      })
    expect(classify(Object.assign(new Error('x'), { code: 'ECONNRESET' })).error.code).toBe(
      'connection-reset',
    )
  })

  it('treats an open breaker or a disconnected profile as unavailable, not an operation failure', () => {
    expect(
      classify(new ServiceUnavailableError('the database has been unreachable for 31 s', 1000))
        .kind,
    ).toBe('unavailable')
    expect(classify(new LifeguardError('invalid-state', 'the profile is not connected')).kind).toBe(
      'unavailable',
    )
    expect(classify(new LifeguardError('acquire-timeout', 'acquire timed out')).kind).toBe(
      'transient',
    )
  })
})
