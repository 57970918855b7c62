/**
 * Each profile's workload follows its status: it runs while enabled and the pool serves (pool
 * 'running', profile not disconnecting or disconnected), so a drain, shutdown or disconnect stops
 * it and a resume starts it again; settings are per profile, with the initial ones given per
 * profile (the demo's run by default).
 */
import { describe, expect, it } from 'vitest'
import { poolServes, Workloads } from '../../../src/main/engine/loadlab/workloads'
import {
  demoWorkloadDefaults,
  userWorkloadDefaults,
} from '../../../src/main/engine/loadlab/workload-settings'
import type { ProfileStatus } from '../../../src/shared/domain'
import { FakeClock } from '../../helpers/fake-clock'
import { makePool } from '../../helpers/pool-stubs'

const status = (
  profileId: string,
  state: ProfileStatus['state'],
  poolState: ProfileStatus['poolState'],
): ProfileStatus => ({
  profileId,
  state,
  poolState,
  pool: null,
  serverVersion: null,
  error: null,
  since: 0,
  health: null,
  drain: null,
})

describe('poolServes', () => {
  it.each<[ProfileStatus['state'], ProfileStatus['poolState'], boolean]>([
    ['connected', 'running', true],
    ['connecting', 'running', true],
    ['failed', 'running', true],
    ['connected', 'draining', false],
    ['connected', 'drained', false],
    ['disconnecting', 'closing', false],
    ['disconnecting', 'running', false],
    ['disconnected', null, false],
    ['connected', 'starting', false],
  ])('%s with the pool %s: %s', (state, poolState, serves) => {
    expect(poolServes(status('p', state, poolState))).toBe(serves)
  })
})

describe('Workloads', () => {
  it('runs the demo by default, others only when enabled, each following its status', async () => {
    const clock = new FakeClock()
    const { pool } = makePool({ max: 4, min: 0 })
    // makePool has its own clock: the workload only needs acquire from it.
    await pool.start()
    const changes: string[] = []
    const workloads = new Workloads({
      clock,
      acquirerFor: () => pool,
      initialSettings: (id) =>
        id === 'demo' ? { ...demoWorkloadDefaults } : { ...userWorkloadDefaults },
      onChange: (s) => changes.push(`${s.profileId}:${s.running}`),
      recordFor: () => () => undefined,
    })
    workloads.follow(status('demo', 'connected', 'running'))
    workloads.follow(status('user', 'connected', 'running'))
    expect(workloads.get('demo')).toMatchObject({ running: true, settings: demoWorkloadDefaults })
    expect(workloads.get('user')).toMatchObject({ running: false, settings: { enabled: false } })

    workloads.follow(status('demo', 'connected', 'draining'))
    expect(workloads.get('demo').running).toBe(false)
    workloads.follow(status('demo', 'connected', 'running'))
    expect(workloads.get('demo').running).toBe(true)

    workloads.set('user', { ...userWorkloadDefaults, enabled: true })
    expect(workloads.get('user').running).toBe(true)
    workloads.follow(status('user', 'disconnecting', 'closing'))
    expect(workloads.get('user')).toMatchObject({ running: false, settings: { enabled: true } })

    expect(changes).toEqual(['demo:true', 'demo:false', 'demo:true', 'user:true', 'user:false'])
    workloads.forget('demo')
    expect(workloads.get('demo').running).toBe(false)
    workloads.dispose()
  })
})
