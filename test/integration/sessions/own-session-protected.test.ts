/**
 * Lifeguard's own sessions are protected from accidental termination: its pool's backends, and any
 * session whose application_name starts with 'lifeguard', are refused unless allowOwn is set
 * (issue 6, item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { poolBackendPids } from '../../../src/main/engine/sessions/own-backends'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'
import { until } from '../../helpers/pg-pool-harness'
import { OtherClients, type OpenClient } from './support/session-clients'

const fx = usePgPoolFixture(__filename)
const clients = new OtherClients(fx.target)
let pool: ConnectionPool
let observer: SessionObserver
let lookalike: OpenClient

beforeAll(async () => {
  pool = await fx.start({ max: 3, min: 2, partitions: { monitor: 1 } })
  observer = new SessionObserver({
    acquirer: pool,
    clock: systemClock,
    ownPids: () => poolBackendPids(pool),
  })
  lookalike = await clients.connect({ application: 'lifeguard-elsewhere' })
})

afterAll(async () => {
  await clients.endAll()
})

describe("Lifeguard's own sessions", () => {
  it('are marked own in the sample and refused for cancel and terminate', async () => {
    await until(
      'two pool connections',
      () => poolBackendPids(pool).length,
      (n) => n === 2,
    )
    const [pid] = poolBackendPids(pool)
    const snap = await observer.sample()
    expect(snap.sessions.find((s) => s.pid === pid)?.own).toBe(true)
    expect(observer.confirmation(pid, 'terminate').own).toBe(true)
    for (const act of ['cancel', 'terminate'] as const)
      await expect(observer[act](pid!)).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining(`pid ${pid} is one of Lifeguard's own sessions`),
      })
    expect((await fx.admin.backendState(pid!))?.state).toBe('idle')
  })

  it('are recognised by application_name too, even when opened by someone else', async () => {
    await expect(observer.terminate(lookalike.pid)).rejects.toMatchObject({ code: 'forbidden' })
    expect((await fx.admin.backendState(lookalike.pid))?.state).toBe('idle')
  })

  it('can be ended on purpose with allowOwn', async () => {
    await expect(observer.terminate(lookalike.pid, { allowOwn: true })).resolves.toMatchObject({
      pid: lookalike.pid,
      application: 'lifeguard-elsewhere',
    })
    await until(
      'the session gone',
      () => fx.admin.backendState(lookalike.pid),
      (s) => s === null,
    )
  })
})
