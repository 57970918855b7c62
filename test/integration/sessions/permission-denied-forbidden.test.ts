/**
 * A permission failure is shown as such: a role that may not signal another role's session gets a
 * 'forbidden' error naming the pid (SQLSTATE 42501 from the server), and the session lives on
 * (issue 6, item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { cancelSession, terminateSession } from '../../../src/main/engine/sessions/session-actions'
import { AdminSession, appNameFor, startPgPool } from '../../helpers/pg-pool-harness'
import { pgTarget } from '../../helpers/pg-target'
import { OtherClients, createRole, dropRole, type OpenClient } from './support/session-clients'

const target = pgTarget()
const role = `lg_nosignal_${process.pid}`
const clients = new OtherClients(target)
let admin: AdminSession
let pool: ConnectionPool | undefined
let superuser: OpenClient

beforeAll(async () => {
  admin = await AdminSession.open(target)
  const password = await createRole(admin, role)
  pool = await startPgPool({ ...target, user: role, password }, appNameFor(__filename), {
    max: 2,
    min: 1,
    partitions: { monitor: 1 },
  })
  superuser = await clients.connect({ application: 'lg-superuser' })
})

afterAll(async () => {
  await pool?.shutdown()
  await clients.endAll()
  if (admin) {
    await dropRole(admin, role)
    await admin.close()
  }
})

describe('signalling a session the role may not signal', () => {
  it("is 'forbidden', naming the pid, for cancel and terminate alike", async () => {
    const deps = { acquirer: pool!, clock: systemClock }
    for (const act of [cancelSession, terminateSession]) {
      const error = await act(deps, superuser.pid).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LifeguardError)
      expect(error).toMatchObject({ code: 'forbidden' })
      expect((error as Error).message).toContain(`pid ${superuser.pid}`)
      expect((error as LifeguardError).detail).toMatch(/permission denied/)
    }
    const still = await admin.backendState(superuser.pid)
    expect(still?.state).toBe('idle')
    // the connection the refusal came back on was returned whole
    expect(pool!.stats()).toMatchObject({ active: 0, total: 1 })
  })
})
