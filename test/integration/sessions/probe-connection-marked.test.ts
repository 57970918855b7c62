/**
 * On a real server, the connection the health probe ran on last is marked in the profile's
 * sessions view (`probe`): one of the profile's own pool connections, the only one marked so.
 */
import { describe, expect, it } from 'vitest'
import { eventually, openMonitor } from '../../helpers/monitor-harness'
import { monitorPerTest } from '../../helpers/monitor-per-test'
import { pgTarget } from '../../helpers/pg-target'

const target = pgTarget()
const monitor = monitorPerTest(openMonitor)

describe("the health probe's connection in the sessions view", () => {
  it('is marked, and is one of the pool’s own connections', async () => {
    const profile = monitor.saveProfile(undefined, {
      name: 'probe-marked',
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      sslmode: 'disable',
      password: target.password,
    })
    await monitor.connect(profile.id)
    await eventually(
      async () =>
        monitor.sessionsView(profile.id).snapshot?.sessions.some((s) => s.probe === true) === true,
      15_000,
    )
    const sessions = monitor.sessionsView(profile.id).snapshot!.sessions
    const marked = sessions.filter((s) => s.probe === true)
    expect(marked).toHaveLength(1)
    expect(marked[0]).toMatchObject({ own: true, application: 'lifeguard', client: true })
  })
})
