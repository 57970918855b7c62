/**
 * validationBypassMs 0 (a valid setting: no bypass window, validate before every hand-out): each
 * waiting caller gets its connection after one successful `SELECT 1`, not an endless loop of
 * checks (found while writing idle-backend-killed.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { serverPidOf } from '../../helpers/pg-pool-harness'
import { usePgPoolFixture } from '../../helpers/pg-pool-fixture'

const fx = usePgPoolFixture(__filename)

describe('validation on every acquire (validationBypassMs 0)', () => {
  it('validates an idle connection once, then serves the caller', async () => {
    const p = await fx.start({
      max: 2,
      min: 1,
      validationBypassMs: 0,
      acquireTimeoutMs: 1_000,
    })
    const [entry] = [...p.entries]
    const connection = entry!.connection
    const checks: string[] = []
    const query = connection.query.bind(connection)
    connection.query = (text: string, values?: unknown[]) => {
      checks.push(text)
      return query(text, values)
    }

    const lease = await p.acquire().catch((e: Error) => {
      throw new Error(`${e.message}; ${checks.length} checks ran on the one idle connection`)
    })
    expect(lease.backendPid).toBe(entry!.backendPid)
    expect(checks).toEqual(['SELECT 1'])
    expect(await serverPidOf(lease)).toBe(entry!.backendPid)
    lease.release()
    expect(p.stats()).toMatchObject({ total: 1, active: 0, idle: 1, validating: 0 })
  })
})
