import { describe, expect, it } from 'vitest'
import { makePool } from '../../helpers/pool-stubs'

describe('pool start-up', () => {
  it('opens initial connections, then runs', async () => {
    const { pool, factory } = makePool({ min: 2, max: 6, initial: 4 })
    const states: string[] = []
    pool.on('state-changed', ({ to }) => states.push(to))
    expect(pool.state).toBe('starting')
    await pool.start()
    expect(factory.made).toHaveLength(4)
    expect(pool.stats()).toMatchObject({ total: 4, idle: 4, active: 0, min: 2, max: 6 })
    expect(states).toEqual(['running'])
  })

  it('opens min when initial is not given', async () => {
    const { pool, factory } = makePool({ min: 3, max: 5 })
    await pool.start()
    expect(factory.made).toHaveLength(3)
  })

  it('shuts down and rejects when a start-up connection fails', async () => {
    const { pool, factory } = makePool({ min: 2, max: 2 })
    factory.failWith(new Error('password authentication failed'))
    await expect(pool.start()).rejects.toThrow('password authentication failed')
    expect(pool.state).toBe('closed')
  })

  it('rejects a second start', async () => {
    const { pool } = makePool()
    await pool.start()
    await expect(pool.start()).rejects.toMatchObject({ code: 'pool-closed' })
  })
})
