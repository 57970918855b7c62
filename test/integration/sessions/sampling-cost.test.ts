/**
 * What one sample costs with many sessions open: as many idle sessions as the shared server allows
 * (the issue asks for 200; its max_connections is read first and nothing is raised, so it is the
 * most it allows minus headroom), then ~20 samples; the median time of the sampling query is
 * printed as a JSON line (issue 6, item 6). A measurement, not a timed assertion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { SessionSampler } from '../../../src/main/engine/sessions/session-sampler'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'
import { OtherClients } from './support/session-clients'

const WANTED = 200
/** Connections left free for the rest of the server (and this file's own). */
const HEADROOM = 10
const SAMPLES = 20
const APP = `lg-sessions-cost-${process.pid}`

const fx = usePgPoolFixture(__filename)
const clients = new OtherClients(fx.target)
let pool: ConnectionPool
let opened = 0
let limit = { max: 0, free: 0 }

beforeAll(async () => {
  pool = await fx.start({ max: 2, min: 1, partitions: { monitor: 1 } })
  const rows = await fx.admin.query<{ max: number; reserved: number; used: number }>(
    `SELECT current_setting('max_connections')::int AS max,
            current_setting('superuser_reserved_connections')::int
              + coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
            (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS used`,
  )
  const { max, reserved, used } = rows[0]!
  const free = max - reserved - used
  limit = { max, free }
  opened = Math.max(0, Math.min(WANTED, free - HEADROOM))
  for (let i = 0; i < opened; i += 20) {
    const batch = Math.min(20, opened - i)
    await Promise.all(Array.from({ length: batch }, () => clients.connect({ application: APP })))
  }
}, 30_000)

afterAll(async () => {
  await clients.endAll()
})

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

describe('the cost of a sample', () => {
  it(`is measured with as many idle sessions as the server allows (up to ${WANTED})`, async () => {
    expect(opened).toBeGreaterThan(0)
    const sampler = new SessionSampler({ acquirer: pool, clock: systemClock })
    await sampler.sample() // reads the version; not counted
    const times: number[] = []
    let sessions = 0
    for (let i = 0; i < SAMPLES; i++) {
      const snap = await sampler.sample()
      times.push(snap.sampleMs)
      sessions = snap.sessions.length
      expect(snap.byApplication.find((e) => e.key === APP)?.total).toBe(opened)
    }
    times.sort((a, b) => a - b)
    const result = {
      metric: 'session_sample_ms',
      wanted: WANTED,
      opened,
      note:
        opened < WANTED
          ? `max_connections=${limit.max} leaves ${limit.free} free: opened ${opened} (headroom ${HEADROOM}); not raised`
          : 'as asked',
      rows: sessions,
      samples: SAMPLES,
      medianMs: Number(quantile(times, 0.5).toFixed(3)),
      p90Ms: Number(quantile(times, 0.9).toFixed(3)),
      minMs: Number(times[0]!.toFixed(3)),
      maxMs: Number(times.at(-1)!.toFixed(3)),
    }
    console.log(JSON.stringify(result))
    expect(sessions).toBeGreaterThanOrEqual(opened)
  })
})
