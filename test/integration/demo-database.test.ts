import net from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../src/main/engine/monitor/monitor'
import { DEMO_PROFILE_ID } from '../../src/main/engine/profiles/profile-store'
import { openMonitor } from '../helpers/monitor-harness'
import { tempDir } from '../helpers/temp-dir'

let dir: string
let cleanup: () => void
let monitor: Monitor

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  monitor = openMonitor(dir)
})
afterEach(async () => {
  await monitor.dispose()
  cleanup()
})

describe('the local demo', () => {
  it('starts its own PostgreSQL, connects with live numbers, and stops it on dispose', async () => {
    const demo = await monitor.startDemo()
    expect(demo).toMatchObject({
      id: DEMO_PROFILE_ID,
      kind: 'demo',
      name: 'Local demo',
      host: '127.0.0.1',
    })
    const status = monitor.snapshot().statuses.find((s) => s.profileId === DEMO_PROFILE_ID)
    expect(status?.state).toBe('connected')
    expect(status?.pool?.total).toBeGreaterThanOrEqual(2)

    // The workload makes the pool busy: some sample shows a connection in use.
    const busy = new Promise<number>((resolve) => {
      monitor.events.on('pool:stats-changed', (s) => {
        if (s.stats.active > 0) resolve(s.stats.active)
      })
    })
    expect(await busy).toBeGreaterThan(0)

    // The server is a real process; dispose stops it: its port refuses connections afterwards.
    const probe = () =>
      new Promise<string>((resolve) => {
        const socket = net.connect(demo.port, '127.0.0.1')
        socket.once('connect', () => (socket.destroy(), resolve('open')))
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
    expect(await probe()).toBe('open')
    await monitor.dispose()
    expect(await probe()).toBe('ECONNREFUSED')
  })
})
