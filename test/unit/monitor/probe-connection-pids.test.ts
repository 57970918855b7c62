/**
 * Which pool connection the Sessions tab marks as the health probe's (probe-connection.ts): the
 * one the last probe ran on while the pool holds it idle or lends it to the probe again; none once
 * it is lent to another caller, removed, or forgotten (disconnect), and none before any probe.
 */
import { describe, expect, it } from 'vitest'
import { PROBE_HOLDER } from '../../../src/main/engine/health/pg-checks'
import { ProbeConnection } from '../../../src/main/engine/monitor/probe-connection'

type Entry = { backendPid: number | undefined; state: string; holder: string | undefined }
const pool = (...entries: Entry[]) => ({ entries })
const idle = (pid: number): Entry => ({ backendPid: pid, state: 'idle', holder: undefined })

describe('the health probe’s connection', () => {
  it('is the last one probed while it is idle or with the probe', () => {
    const probe = new ProbeConnection()
    expect(probe.pids(pool(idle(11), idle(12)))).toEqual([])
    probe.note(12)
    expect(probe.pids(pool(idle(11), idle(12)))).toEqual([12])
    expect(
      probe.pids(pool(idle(11), { backendPid: 12, state: 'in-use', holder: PROBE_HOLDER })),
    ).toEqual([12])
    probe.note(11)
    expect(probe.pids(pool(idle(11), idle(12)))).toEqual([11])
  })

  it('is nobody once lent to another caller, removed, gone from the pool, or forgotten', () => {
    const probe = new ProbeConnection()
    probe.note(12)
    expect(probe.pids(pool({ backendPid: 12, state: 'in-use', holder: 'load lab' }))).toEqual([])
    expect(probe.pids(pool({ backendPid: 12, state: 'removed', holder: undefined }))).toEqual([])
    expect(probe.pids(pool(idle(11)))).toEqual([])
    expect(probe.pids(undefined)).toEqual([])
    probe.forget()
    expect(probe.pids(pool(idle(12)))).toEqual([])
  })
})
