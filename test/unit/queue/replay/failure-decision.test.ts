import { describe, expect, it } from 'vitest'
import type {
  BatchOutcome,
  BatchStage,
} from '../../../../src/main/engine/queue/replay/batch-runner'
import { decideOnFailure } from '../../../../src/main/engine/queue/replay/failure-decision'
import type { FailureKind } from '../../../../src/main/engine/queue/replay/replay-errors'

const failed = (
  stage: BatchStage,
  kind: FailureKind,
  index: number | null = 0,
  sqlstate: string | null = null,
): Extract<BatchOutcome, { kind: 'failed' }> => ({
  kind: 'failed',
  stage,
  index,
  failure: {
    kind,
    broken: false,
    error: {
      code: 'query-failed',
      sqlstate,
      message: 'x',
      errorClass: kind === 'permanent' ? 'permanent' : 'transient',
      at: 0,
    },
  },
})
const ctx = { batchSize: 1, tableReady: true, attempts: 1, maxAttempts: 3 }

describe('what replay does after a failure', () => {
  it('backs off without an attempt when nothing ran or the database is unusable', () => {
    for (const stage of ['acquire', 'recovery-check', 'begin'] as const)
      expect(decideOnFailure(failed(stage, 'transient', null), ctx)).toEqual({
        action: 'back-off',
        reason: 'retry-backoff',
        attempt: false,
      })
    expect(decideOnFailure(failed('statement', 'unavailable'), ctx)).toEqual({
      action: 'back-off',
      reason: 'unavailable',
      attempt: false,
    })
  })

  it('creates a vanished exactly-once table again, and blocks when it cannot be created', () => {
    expect(decideOnFailure(failed('bookkeeping', 'permanent', null, '42P01'), ctx)).toEqual({
      action: 'recreate-table',
    })
    expect(
      decideOnFailure(failed('bookkeeping', 'permanent', null, '42P01'), {
        ...ctx,
        tableReady: false,
      }),
    ).toMatchObject({ action: 'block' })
    expect(decideOnFailure(failed('table', 'permanent', null, '42501'), ctx)).toEqual({
      action: 'block',
      why: 'exactly-once-table',
      attempt: false,
    })
    expect(decideOnFailure(failed('table', 'transient', null), ctx)).toEqual({
      action: 'back-off',
      reason: 'retry-backoff',
      attempt: false,
    })
  })

  it('isolates within a batch of several: at the failing operation, or one by one', () => {
    expect(decideOnFailure(failed('statement', 'permanent', 3), { ...ctx, batchSize: 10 })).toEqual(
      { action: 'isolate', index: 3, each: false },
    )
    expect(decideOnFailure(failed('commit', 'transient', null), { ...ctx, batchSize: 10 })).toEqual(
      { action: 'isolate', index: 9, each: true },
    )
  })

  it('for one operation: blocks on a permanent error, and on the last allowed transient attempt', () => {
    expect(decideOnFailure(failed('statement', 'permanent'), ctx)).toEqual({
      action: 'block',
      why: 'permanent-error',
      attempt: true,
    })
    expect(decideOnFailure(failed('commit', 'transient'), ctx)).toEqual({
      action: 'back-off',
      reason: 'retry-backoff',
      attempt: true,
    })
    expect(decideOnFailure(failed('statement', 'transient'), { ...ctx, attempts: 3 })).toEqual({
      action: 'block',
      why: 'attempts-exhausted',
      attempt: true,
    })
  })
})
