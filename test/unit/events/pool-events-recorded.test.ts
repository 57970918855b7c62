/**
 * The pool's own events become engine events: created, removed with its reason, create-failed
 * (described by the profile's classifier), acquire timeouts, leaks with holder and acquire site,
 * leak-resolved, and state changes; never with the password.
 */
import { describe, expect, it } from 'vitest'
import { watchPoolEvents } from '../../../src/main/engine/events/pool-event-recorder'
import { classifierFor, maskText } from '../../../src/main/engine/monitor/session-health'
import { makePool } from '../../helpers/pool-stubs'
import { params, PASSWORD, type RecordedEvent } from '../pool-control/support/session-harness'

function recorded(options: Parameters<typeof makePool>[0] = {}) {
  const made = makePool({
    max: 2,
    min: 0,
    leakDetectionMs: 1_000,
    leakSiteCapture: 'always',
    ...options,
  })
  const events: RecordedEvent[] = []
  const classify = classifierFor(params)
  watchPoolEvents(
    made.pool,
    (kind, severity, message, data = {}) => events.push({ kind, severity, message, data }),
    { describeError: (e) => classify(e).message, mask: (t) => maskText(t, PASSWORD) },
  )
  return { ...made, events }
}

describe('pool events as engine events', () => {
  it('records a connection from creation through a leak to its removal', async () => {
    const { pool, clock, events } = recorded()
    await pool.start()
    const lease = await pool.acquire({ holder: 'report job' })
    await clock.advance(1_300)
    lease.release()
    await pool.drain()
    const kinds = events.map((e) => e.kind)
    expect(kinds).toEqual([
      'pool-state-changed',
      'connection-created',
      'leak',
      'leak-resolved',
      'pool-state-changed',
      'connection-removed',
      'pool-state-changed',
    ])
    const created = events[1]!
    expect(created).toMatchObject({ severity: 'info', data: { connectionId: 1, backendPid: 1000 } })
    expect(created.message).toMatch(/^opened connection 1 \(backend pid 1000\) in \d+ ms$/)
    const leak = events[2]!
    expect(leak).toMatchObject({
      severity: 'warning',
      data: { connectionId: 1, backendPid: 1000, holder: 'report job' },
    })
    expect(leak.message).toMatch(
      /"report job" has held connection 1 \(backend pid 1000\) for 1\.\d s/,
    )
    expect(String(leak.data['site'])).toMatch(/pool-events-recorded\.test\.ts/)
    expect(events[3]!.message).toMatch(/"report job" gave connection 1 back after 1\.3 s/)
    expect(events[5]).toMatchObject({ data: { reason: 'drain' } })
    expect(events[5]!.message).toBe('closed connection 1 (backend pid 1000): pool draining')
    expect(events[6]!.message).toBe('pool draining -> drained')
  })

  it('a broken connection is a warning; a timeout carries the pool snapshot', async () => {
    const { pool, clock, events } = recorded({ max: 1, acquireTimeoutMs: 500 })
    await pool.start()
    const lease = await pool.acquire()
    const waiting = pool.acquire().catch(() => undefined)
    await clock.advance(600)
    await waiting
    lease.release(new Error('socket hang up'))
    await clock.advance(10)
    const timeout = events.find((e) => e.kind === 'acquire-timeout')!
    expect(timeout).toMatchObject({ severity: 'warning', data: { code: 'pool-exhausted' } })
    expect(timeout.message).toMatch(/acquire timed out after 500 ms \(total=1, active=1/)
    expect(events.find((e) => e.kind === 'connection-removed')).toMatchObject({
      severity: 'warning',
      data: { reason: 'broken' },
    })
  })

  it('a failed creation is described by the classifier, without the password', async () => {
    const { pool, clock, factory, events } = recorded({ min: 1 })
    factory.failWith(
      Object.assign(new Error(`password authentication failed: ${PASSWORD}`), { code: '28P01' }),
    )
    await pool.start().catch(() => undefined)
    await clock.advance(10)
    const failed = events.find((e) => e.kind === 'create-failed')
    expect(failed).toBeDefined()
    expect(failed!.message).toMatch(
      /could not open a connection \(1 in a row, next try in \d+ ms\): password authentication failed for user "dba"/,
    )
    expect(JSON.stringify(events)).not.toContain(PASSWORD)
  })
})
