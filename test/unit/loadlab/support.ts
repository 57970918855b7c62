/** A Workload on a real pool of stub connections (fake clock); queries can be made to take time. */
import type { WorkloadSettings, WorkloadStatus } from '../../../src/shared/cockpit'
import { Workload } from '../../../src/main/engine/loadlab/workload'
import type { PoolOptionsInput } from '../../../src/main/engine/pool/engine/pool-options'
import { makePool } from '../../helpers/pool-stubs'
import { mulberry32 } from '../health/support/mulberry32'
import type { RecordedEvent } from '../pool-control/support/session-harness'

export const settings = (over: Partial<WorkloadSettings> = {}): WorkloadSettings => ({
  enabled: true,
  clients: 4,
  ratePerSecond: 20,
  query: 'select-1',
  sleepMs: 100,
  leakEverySeconds: null,
  leakHoldMs: 45_000,
  ...over,
})

/** `queryMs`: how long each query takes (a number, or read at each query). */
export async function workloadOnPool(
  options: PoolOptionsInput = {},
  queryMs: number | ((text: string) => number) = 0,
  random: () => number = mulberry32(8),
) {
  const latency = typeof queryMs === 'number' ? () => queryMs : queryMs
  const { pool, clock, factory } = makePool({ max: 10, min: 10, ...options })
  await pool.start()
  for (const c of factory.made) {
    const answer = c.query.bind(c)
    c.query = (text, values) => {
      const ms = latency(text)
      if (ms <= 0) return answer(text, values)
      return new Promise((resolve, reject) =>
        clock.setTimeout(() => void answer(text, values).then(resolve, reject), ms),
      )
    }
  }
  const reports: WorkloadStatus[] = []
  const events: RecordedEvent[] = []
  let acquires = 0
  const workload = new Workload(
    {
      profileId: 'p1',
      acquirer: {
        acquire: (o) => {
          acquires++
          return pool.acquire(o)
        },
      },
      clock,
      random,
      onChange: (s) => reports.push(s),
      record: (kind, severity, message, data = {}) =>
        events.push({ kind, severity, message, data }),
    },
    settings({ enabled: false }),
  )
  return {
    pool,
    clock,
    factory,
    workload,
    reports,
    events,
    get acquires() {
      return acquires
    },
  }
}
