/**
 * 1000 concurrent borrowers on a pool of at most 10 real connections, each running
 * `SELECT pg_backend_pid()` with a short random hold. One run (in beforeAll), sampled throughout:
 * on every pool event and every borrower step, and on the server from a separate admin session.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PoolEvents, PoolGauges } from '../../../src/main/engine/pool/engine'
import { serverPidOf, until, watchUnhandled } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)
const { appName } = fx
const BORROWERS = 1000
const MAX = 10

interface Run {
  results: PromiseSettledResult<number>[]
  /** A backend held by two borrowers at once, seen by the borrowers or by the pool's events. */
  doubleHolds: string[]
  /** Gauges that broke total = active + idle + validating or total <= max, and where. */
  gaugeViolations: string[]
  samples: number
  peakTotal: number
  peakSessions: number
  serverSamples: number
  usedPids: Set<number>
  counters: { acquires: number; releases: number; timeouts: number }
  finalStats: PoolGauges
  poolPidsAtEnd: number[]
  serverPidsAtEnd: number[]
  sessionsAfterShutdown: number
  unhandled: unknown[]
}

let run: Run

beforeAll(async () => {
  run = await borrowConcurrently()
})

async function borrowConcurrently(): Promise<Run> {
  const unhandled = watchUnhandled()
  const admin = fx.admin
  const p = await fx.start({
    max: MAX,
    min: 2,
    maxWaiting: BORROWERS,
    maxConcurrentCreates: 4,
    acquireTimeoutMs: 15_000,
  })
  try {
    const doubleHolds: string[] = []
    const gaugeViolations: string[] = []
    let samples = 0
    let peakTotal = 0
    const sample = (where: string) => {
      samples++
      const s = p.stats()
      peakTotal = Math.max(peakTotal, s.total)
      const text = JSON.stringify(s)
      if (s.total !== s.active + s.idle + s.validating)
        gaugeViolations.push(`${where}: total != active + idle + validating ${text}`)
      if (s.total > MAX) gaugeViolations.push(`${where}: total above max ${text}`)
      if (s.total + s.pendingCreates > MAX)
        gaugeViolations.push(`${where}: total + pending creates above max ${text}`)
    }
    const events: (keyof PoolEvents)[] = ['created', 'acquired', 'released', 'removed']
    for (const name of events) p.on(name, () => sample(`on '${name}'`))
    // The pool's own view: a backend handed out again before it came back is a double lend.
    const lentByEvents = new Set<number>()
    p.on('acquired', (e) => {
      if (e.backendPid === undefined) doubleHolds.push('acquired: no backend pid')
      else if (lentByEvents.has(e.backendPid))
        doubleHolds.push(`event: backend ${e.backendPid} lent twice`)
      else lentByEvents.add(e.backendPid)
    })
    p.on('released', (e) => lentByEvents.delete(e.backendPid!))

    // The server's view, polled on the admin connection while the borrowers run.
    let running = true
    let peakSessions = 0
    let serverSamples = 0
    const watcher = (async () => {
      while (running) {
        peakSessions = Math.max(peakSessions, await admin.sessionCount(appName))
        serverSamples++
      }
    })()

    // The borrowers' view, keyed by the lease's backend pid.
    const heldBy = new Map<number, number>()
    const usedPids = new Set<number>()
    const borrow = async (id: number) => {
      const lease = await p.acquire({ holder: `borrower-${id}` })
      const pid = lease.backendPid!
      const other = heldBy.get(pid)
      if (other !== undefined) doubleHolds.push(`backend ${pid} held by ${other} and ${id}`)
      heldBy.set(pid, id)
      sample(`borrower ${id} acquired`)
      try {
        const serverPid = await serverPidOf(lease)
        if (serverPid !== pid) doubleHolds.push(`lease says ${pid}, server says ${serverPid}`)
        usedPids.add(serverPid)
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)))
        if (heldBy.get(pid) !== id) doubleHolds.push(`backend ${pid} taken from ${id} while held`)
        heldBy.delete(pid)
        lease.release()
        sample(`borrower ${id} released`)
        return serverPid
      } catch (error) {
        heldBy.delete(pid)
        lease.release(error as Error)
        throw error
      }
    }
    const results = await Promise.allSettled(Array.from({ length: BORROWERS }, (_, i) => borrow(i)))
    running = false
    await watcher
    peakSessions = Math.max(peakSessions, await admin.sessionCount(appName))
    const { acquires, releases, timeouts } = p.metrics().counters
    const finalStats = p.stats()
    const poolPidsAtEnd = [...p.entries].map((e) => e.backendPid!).sort((a, b) => a - b)
    const serverPidsAtEnd = await admin.sessionPids(appName)
    await p.shutdown()
    const sessionsAfterShutdown = await until(
      'no session left after shutdown',
      () => admin.sessionCount(appName),
      (n) => n === 0,
    ).catch(() => -1)
    return {
      results,
      doubleHolds,
      gaugeViolations,
      samples,
      peakTotal,
      peakSessions,
      serverSamples,
      usedPids,
      counters: { acquires, releases, timeouts },
      finalStats,
      poolPidsAtEnd,
      serverPidsAtEnd,
      sessionsAfterShutdown,
      unhandled: unhandled.errors,
    }
  } finally {
    unhandled.stop()
    await p.shutdown()
  }
}

describe('1000 concurrent borrowers on max 10', () => {
  it('serves all 1000, none times out, no unhandled error', () => {
    const failed = run.results.filter((r) => r.status === 'rejected')
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
    expect(run.counters).toEqual({ acquires: BORROWERS, releases: BORROWERS, timeouts: 0 })
    expect(run.finalStats).toMatchObject({ active: 0, waiting: 0 })
    expect(run.unhandled).toEqual([])
  })

  it('never lends one backend to two borrowers at once', () => {
    expect(run.doubleHolds).toEqual([])
    expect(run.usedPids.size).toBeGreaterThan(1)
    expect(run.usedPids.size).toBeLessThanOrEqual(MAX)
  })

  it('keeps total = active + idle + validating <= max at every event and borrower step', () => {
    expect(run.samples).toBeGreaterThan(4 * BORROWERS)
    expect(run.peakTotal).toBeLessThanOrEqual(MAX)
    expect(run.gaugeViolations).toEqual([])
  })

  it('never has more than max sessions on the server, and none after shutdown', () => {
    expect(run.serverSamples).toBeGreaterThan(0)
    expect(run.peakSessions).toBeLessThanOrEqual(MAX)
    // Every connection the pool still had was a live server session, and there was no other.
    expect(run.serverPidsAtEnd).toEqual(run.poolPidsAtEnd)
    expect(run.sessionsAfterShutdown).toBe(0)
  })
})
