import pg from 'pg'
import { describe, expect, it } from 'vitest'
import {
  backendPidOf,
  transactionStatusOf,
  type PoolConnection,
} from '../../../src/main/engine/pool/engine/pool-connection'

describe('pg.Client as a pool connection', () => {
  it('satisfies the interface (compile-time) and reads as unknown before connecting', () => {
    const client: PoolConnection = new pg.Client({ host: '127.0.0.1', port: 1 })
    expect(backendPidOf(client)).toBeUndefined()
    expect(transactionStatusOf(client)).toBe('unknown')
  })

  it("maps pg's transaction status letters and reads processID", () => {
    const fake = (status: 'I' | 'T' | 'E' | null): PoolConnection => ({
      query: async () => ({ rows: [] }),
      end: async () => undefined,
      on: () => undefined,
      processID: 4242,
      getTransactionStatus: () => status,
    })
    expect(['I', 'T', 'E', null].map((s) => transactionStatusOf(fake(s as 'I')))).toEqual([
      'idle',
      'in-transaction',
      'failed',
      'unknown',
    ])
    expect(backendPidOf(fake('I'))).toBe(4242)
  })
})
