import { describe, expect, it } from 'vitest'
import { makePool, track } from '../../helpers/pool-stubs'
import { flushPromises } from '../../helpers/fake-clock'

describe('self-deadlock detection', () => {
  it('fails a nested acquire at once when the caller holds the only connection', async () => {
    const { pool } = makePool({ max: 1 })
    await pool.start()
    const outer = await pool.acquire({ holder: 'export-job' })
    await expect(pool.acquire({ holder: 'export-job' })).rejects.toMatchObject({
      code: 'self-deadlock',
      message: expect.stringContaining(
        '"export-job" already holds a connection and waits for another',
      ),
    })
    outer.release()
  })

  it('detects a cycle across holders that all wait', async () => {
    const { pool } = makePool({ max: 2 })
    await pool.start()
    const a = { label: 'worker A' }
    const b = { label: 'worker B' }
    const heldA = await pool.acquire({ holder: a })
    const heldB = await pool.acquire({ holder: b })
    const bWaits = track(pool.acquire({ holder: b }))
    await flushPromises()
    expect(bWaits.status).toBe('pending') // A may still release
    await expect(pool.acquire({ holder: a })).rejects.toMatchObject({ code: 'self-deadlock' })
    heldA.release()
    await flushPromises()
    expect(bWaits.status).toBe('resolved')
    heldB.release()
    ;(bWaits.value as { release(): void }).release()
  })

  it('lets the caller wait when the pool can still grow or a holder is unknown', async () => {
    const { pool, clock } = makePool({ max: 2 })
    await pool.start()
    const held = await pool.acquire({ holder: 'job' })
    const second = await pool.acquire({ holder: 'job' }) // the pool grew
    const anonymous = track(pool.acquire({ holder: 'other' }))
    second.release()
    await flushPromises()
    expect(anonymous.status).toBe('resolved')
    const third = track(pool.acquire({ holder: 'job', timeoutMs: 100 }))
    await clock.advance(100)
    // 'other' holds one and is not waiting: not a deadlock, an ordinary timeout
    expect((third.error as { code: string }).code).toBe('pool-exhausted')
    held.release()
  })
})
