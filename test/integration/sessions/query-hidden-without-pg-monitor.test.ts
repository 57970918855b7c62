/**
 * Least privilege: a role without pg_monitor samples the server. Other roles' query text is hidden
 * by the server, and the snapshot says so (queryHidden, "query hidden: needs pg_monitor") instead of
 * failing or showing blanks; its own sessions stay visible. Granting pg_monitor shows the text
 * (issue 6, item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { confirmationFor } from '../../../src/main/engine/sessions/confirmation'
import { SessionSampler } from '../../../src/main/engine/sessions/session-sampler'
import { AdminSession, appNameFor, startPgPool } from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'
import {
  OtherClients,
  createRole,
  dropRole,
  quoteIdent,
  type OpenClient,
} from './support/session-clients'

const target = pgTarget()
const role = `lg_nomon_${process.pid}`
const clients = new OtherClients(target)
let admin: AdminSession
let pool: ConnectionPool | undefined
let sampler: SessionSampler
let superuser: OpenClient

beforeAll(async () => {
  admin = await AdminSession.open(target)
  const password = await createRole(admin, role)
  pool = await startPgPool({ ...target, user: role, password }, appNameFor(__filename), {
    max: 2,
    min: 1,
    partitions: { monitor: 1 },
  })
  sampler = new SessionSampler({ acquirer: pool, clock: systemClock })
  superuser = await clients.connect({ application: 'lg-superuser' })
  await superuser.client.query("SELECT 'secret text' AS lg_marker")
})

afterAll(async () => {
  await pool?.shutdown()
  await clients.endAll()
  if (admin) {
    await dropRole(admin, role)
    await admin.close()
  }
})

describe('a role without pg_monitor', () => {
  it("sees other roles' sessions with their query hidden, and the snapshot says so", async () => {
    const snap = await sampler.sample()
    expect(snap.seesAllSessions).toBe(false)
    const other = snap.sessions.find((s) => s.pid === superuser.pid)
    expect(other).toMatchObject({
      queryHidden: true,
      query: null,
      user: target.user, // names stay visible
      application: 'lg-superuser',
      state: null,
      client: true,
    })
    expect(snap.hiddenSessions).toBeGreaterThanOrEqual(1)
    expect(snap.counts.hidden).toBeGreaterThanOrEqual(1)
    expect(snap.connections.includesHidden).toBe(true)
    expect(confirmationFor(snap, superuser.pid, 'cancel').lines).toContain(
      'Query: query hidden: needs pg_monitor',
    )
    // its own session is not hidden from it
    const own = snap.sessions.find((s) => s.sampler)
    expect(own).toMatchObject({ queryHidden: false, user: role, state: 'active' })
    expect(own?.query).toContain('lifeguard: session sample')
  })

  it('still counts the hidden sessions as connections in use', async () => {
    const snap = await sampler.sample()
    const server = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'",
    )
    expect(Math.abs(snap.connections.used - server[0]!.n)).toBeLessThanOrEqual(1)
  })

  it('sees the text once granted pg_monitor', async () => {
    await admin.query(`GRANT pg_monitor TO ${quoteIdent(role)}`)
    try {
      const snap = await sampler.sample()
      expect(snap.seesAllSessions).toBe(true)
      expect(snap.sessions.find((s) => s.pid === superuser.pid)).toMatchObject({
        queryHidden: false,
        query: "SELECT 'secret text' AS lg_marker",
        state: 'idle',
      })
    } finally {
      await admin.query(`REVOKE pg_monitor FROM ${quoteIdent(role)}`)
    }
  })
})
