import { describe, expect, it } from 'vitest'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { SharedSampling } from '../../../src/main/engine/sessions/shared-sampling'
import { FakeClock } from '../../helpers/fake-clock'
import { idleInTransaction, rowsOf, sampler } from './support/canned-rows'
import { StubAcquirer } from './support/stub-acquirer'

describe('session observers on a shared sampler keep their own alerts (session-observer.ts)', () => {
  it('each judges the shared sample with its own thresholds; one sample serves both', async () => {
    const clock = new FakeClock()
    const sampling = new SharedSampling(clock)
    const acquirers = [0, 1].map(
      () =>
        new StubAcquirer((text) =>
          text.includes('WITH settings')
            ? rowsOf([sampler(), idleInTransaction(301, 90_000)])
            : [{ server_version_num: 180004 }],
        ),
    )
    const observer = (i: number, idleInTransactionMs: number) =>
      new SessionObserver({
        acquirer: acquirers[i]!,
        clock,
        settings: { idleInTransactionMs },
        shared: { sampling, identity: 'server-1' },
      })
    const strict = observer(0, 60_000)
    const lenient = observer(1, 120_000)
    strict.start()
    lenient.start()
    await clock.advance(0)
    const open = (o: SessionObserver) =>
      o
        .alerts()
        .filter((a) => a.resolvedAt === null)
        .map((a) => a.kind)
    expect(open(strict)).toEqual(['idle-in-transaction'])
    expect(open(lenient)).toEqual([])
    expect(strict.latest).toBe(lenient.latest)
    const queries = acquirers.flatMap((a) => a.queries).filter((q) => q.text.includes('WITH'))
    expect(queries).toHaveLength(1)
    strict.stop()
    lenient.stop()
  })
})
