/**
 * Text from the server is data: HTML and script payloads planted in a role name, an
 * application_name and a query come back from the sampler, the alerts and the confirmation
 * verbatim, neither escaped nor interpreted, and survive the JSON a transport sends
 * (issue 6, item 5; the UI renders them as text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/main/engine/core/clock'
import type { ConnectionPool } from '../../../src/main/engine/pool/engine'
import { SessionObserver } from '../../../src/main/engine/sessions/session-observer'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'
import {
  OtherClients,
  createRole,
  dropRole,
  sampleUntil,
  type OpenClient,
} from './support/session-clients'

const fx = usePgPoolFixture(__filename)
const clients = new OtherClients(fx.target)
const ROLE = `<img src=x onerror=alert(${process.pid})>`
const APP = `<script>alert("lg")</script>`
const QUERY = `SELECT '<svg/onload=alert(1)>' AS "</td><script>alert(2)</script>", $$<b onmouseover="x">&amp;{{constructor.constructor('alert(3)')()}}</b>$$ AS t`
let pool: ConnectionPool
let observer: SessionObserver
let planted: OpenClient

beforeAll(async () => {
  const password = await createRole(fx.admin, ROLE)
  pool = await fx.start({ max: 2, min: 1, partitions: { monitor: 1 } })
  observer = new SessionObserver({
    acquirer: pool,
    clock: systemClock,
    settings: { idleInTransactionMs: 0 },
  })
  planted = await clients.connect({ user: ROLE, password, application: APP })
  await planted.client.query('BEGIN')
  await planted.client.query(QUERY)
})

afterAll(async () => {
  await clients.endAll()
  await dropRole(fx.admin, ROLE)
})

describe('payloads in server text', () => {
  it('come back verbatim in the snapshot, its breakdowns, the alert and the confirmation', async () => {
    const snap = await sampleUntil(
      () => observer.sample(),
      'the planted session idle in transaction',
      (s) => s.sessions.some((x) => x.pid === planted.pid && x.state === 'idle in transaction'),
    )
    const s = snap.sessions.find((x) => x.pid === planted.pid)!
    expect(s.user).toBe(ROLE)
    expect(s.application).toBe(APP)
    expect(s.query).toBe(QUERY)
    expect(snap.byUser.map((e) => e.key)).toContain(ROLE)
    expect(snap.byApplication.map((e) => e.key)).toContain(APP)

    const alert = observer
      .alerts()
      .find((a) => a.kind === 'idle-in-transaction' && a.session.pid === planted.pid)
    expect(alert).toMatchObject({ session: { user: ROLE, application: APP, query: QUERY } })
    // messages are built from numbers and our own words, never from server text
    expect(alert?.message).toBe(alert?.message.replace(/[<>"&]/g, ''))

    const confirmation = observer.confirmation(planted.pid, 'terminate')
    expect(confirmation).toMatchObject({ user: ROLE, application: APP, queryExcerpt: QUERY })
    expect(confirmation.lines).toEqual(
      expect.arrayContaining([`User: ${ROLE}`, `Application: ${APP}`, `Query: ${QUERY}`]),
    )

    // what a transport sends is the same text again
    const sent = JSON.parse(JSON.stringify({ snap, alerts: observer.alerts() })) as {
      snap: typeof snap
    }
    expect(sent.snap.sessions.find((x) => x.pid === planted.pid)).toEqual(s)
  })

  it('are passed to the actions as a result, verbatim too', async () => {
    await expect(observer.cancel(planted.pid)).resolves.toEqual({
      action: 'cancel',
      pid: planted.pid,
      user: ROLE,
      application: APP,
    })
  })
})
