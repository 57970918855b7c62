/**
 * A stub acquirer for the replay's unit tests whose connections behave like a tiny PostgreSQL:
 * transactions (BEGIN / COMMIT / ROLLBACK, an error aborts the transaction, COMMIT of an aborted
 * one rolls back), the exactly-once table (lifeguard.applied_operations, transactional), a
 * standby flag (pg_is_in_recovery) and read-only mode (25006 on writes). Queued statements answer
 * from a script: `rule(sql, params)` returns an error to throw, or nothing to succeed.
 *
 * `committed` holds the operations' statements in the order they committed: the server's truth.
 */
import {
  createSchemaSql,
  createTableSql,
  inRecoverySql,
  insertIdsSql,
  selectHashesSql,
} from '../../../../../src/main/engine/queue/replay/applied-operations-sql'
import type {
  ReplayConnection,
  ReplayLease,
} from '../../../../../src/main/engine/queue/replay/batch-runner'

export interface Executed {
  sql: string
  params: unknown[]
}

/** A pg-style server error (what node-postgres throws for an ERROR). */
export function serverError(code: string, message = `error ${code}`): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' })
}

/** What node-postgres throws when the socket goes away mid-query. */
export function connectionLost(): Error {
  return new Error('Connection terminated unexpectedly')
}

export type Rule = (sql: string, params: unknown[]) => Error | undefined

export class FakeDatabase {
  readonly committed: Executed[] = []
  /** Every statement text received, in order (all connections). */
  readonly received: string[] = []
  readonly appliedIds = new Map<string, string>()
  schemaExists = false
  tableExists = false
  inRecovery = false
  readOnly = false
  rule: Rule = () => undefined
  /** acquire() rejects with this. */
  refuse: Error | undefined
  /** Statements matching this never answer (until `unhang()`). */
  hang: RegExp | undefined
  /** COMMIT fails with this once. */
  commitFailure: Error | undefined
  leasesOut = 0
  maxLeasesOut = 0
  acquires = 0
  readonly releases: Array<Error | undefined> = []
  private hung: Array<() => void> = []

  acquire = (): Promise<ReplayLease> => {
    this.acquires++
    if (this.refuse) return Promise.reject(this.refuse)
    this.leasesOut++
    this.maxLeasesOut = Math.max(this.maxLeasesOut, this.leasesOut)
    let released = false
    return Promise.resolve({
      connection: this.connection(),
      release: (error?: Error) => {
        if (released) throw new Error('released twice')
        released = true
        this.leasesOut--
        this.releases.push(error)
      },
    })
  }

  /** Lets hung statements fail (as a lost connection). */
  unhang(): void {
    for (const go of this.hung.splice(0)) go()
  }

  /** Committed statements whose text matches. */
  committedMatching(pattern: RegExp): Executed[] {
    return this.committed.filter((e) => pattern.test(e.sql))
  }

  private connection(): ReplayConnection {
    let inTx = false
    let aborted = false
    let pending: Executed[] = []
    let pendingIds = new Map<string, string>()
    const fail = (error: Error): never => {
      if (inTx) aborted = true
      throw error
    }
    const run = async (sql: string, params: unknown[] = []) => {
      // A turn of the event loop, as a network round trip takes (so timers and timeouts can fire).
      await new Promise<void>((resolve) => setImmediate(resolve))
      this.received.push(sql)
      if (this.hang?.test(sql))
        await new Promise<void>((_, reject) => this.hung.push(() => reject(connectionLost())))
      if (sql === 'BEGIN') {
        inTx = true
        aborted = false
        return { rows: [] }
      }
      if (sql === 'ROLLBACK' || (sql === 'COMMIT' && aborted)) {
        inTx = false
        pending = []
        pendingIds = new Map()
        return { rows: [] }
      }
      if (sql === 'COMMIT') {
        const failure = this.commitFailure
        this.commitFailure = undefined
        inTx = false
        if (failure) {
          pending = []
          pendingIds = new Map()
          throw failure
        }
        this.committed.push(...pending)
        for (const [id, hash] of pendingIds) this.appliedIds.set(id, hash)
        pending = []
        pendingIds = new Map()
        return { rows: [] }
      }
      if (aborted) fail(serverError('25P02', 'current transaction is aborted'))
      if (sql === inRecoverySql) return { rows: [{ in_recovery: this.inRecovery }] }
      if (sql === createSchemaSql) {
        if (this.readOnly)
          fail(serverError('25006', 'cannot execute CREATE SCHEMA in a read-only transaction'))
        this.schemaExists = true
        return { rows: [] }
      }
      if (sql === createTableSql) {
        if (!this.schemaExists) fail(serverError('3F000', 'schema "lifeguard" does not exist'))
        this.tableExists = true
        return { rows: [] }
      }
      if (sql === insertIdsSql) {
        if (!this.tableExists)
          fail(serverError('42P01', 'relation "lifeguard.applied_operations" does not exist'))
        if (this.readOnly)
          fail(serverError('25006', 'cannot execute INSERT in a read-only transaction'))
        const [ids, hashes] = params as [string[], string[]]
        const rows: Array<{ id: string }> = []
        ids.forEach((id, i) => {
          if (this.appliedIds.has(id) || pendingIds.has(id)) return
          pendingIds.set(id, hashes[i]!)
          rows.push({ id })
        })
        if (!inTx) for (const [id, hash] of pendingIds) this.appliedIds.set(id, hash)
        return { rows }
      }
      if (sql === selectHashesSql) {
        const [ids] = params as [string[]]
        const rows = ids
          .map((id) => ({ id, payload_hash: pendingIds.get(id) ?? this.appliedIds.get(id) }))
          .filter((r) => r.payload_hash !== undefined)
        return { rows }
      }
      const error = this.rule(sql, params)
      if (error) fail(error)
      if (this.readOnly && !/^\s*select/i.test(sql))
        fail(serverError('25006', 'cannot execute INSERT in a read-only transaction'))
      const executed = { sql, params }
      if (inTx) pending.push(executed)
      else this.committed.push(executed)
      return { rows: [], rowCount: 1 }
    }
    return {
      query: run,
      getTransactionStatus: () => (inTx ? (aborted ? 'E' : 'T') : 'I'),
    }
  }
}
