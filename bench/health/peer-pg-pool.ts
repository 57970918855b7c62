/**
 * For context only: a plain pg.Pool (its defaults) running `SELECT 1` every second beside the
 * session, the way an application without a health checker finds out: its next query fails.
 * pg.Pool also emits 'error' when an idle client's connection is closed by the server.
 */
import pg from 'pg'
import type { EmbeddedServerAddress } from '../../src/main/engine/demo/embedded-server'

export const PEER_QUERY_EVERY_MS = 1_000

interface QueryRun {
  startedAt: number
  endedAt: number
  ok: boolean
  code: string | null
}

export class PeerPgPool {
  private readonly pool: pg.Pool
  private readonly runs: QueryRun[] = []
  private readonly idleErrors: number[] = []
  private timer: NodeJS.Timeout | undefined
  private inFlight: Promise<void> | undefined

  constructor(address: EmbeddedServerAddress) {
    if (address.host !== '127.0.0.1') throw new Error(`refusing to connect to ${address.host}`)
    this.pool = new pg.Pool({
      host: address.host,
      port: address.port,
      user: address.user,
      password: address.password,
      database: address.database,
      application_name: 'lifeguard health bench: peer pg.Pool',
    })
    this.pool.on('error', () => this.idleErrors.push(performance.now()))
  }

  /**
   * Starts querying after `phaseMs`, then every PEER_QUERY_EVERY_MS: a random phase keeps the
   * queries independent of the session's probes and of when the bench stops the server.
   */
  start(phaseMs: number): void {
    this.timer = setTimeout(() => {
      this.tick()
      this.timer = setInterval(() => this.tick(), PEER_QUERY_EVERY_MS)
    }, phaseMs)
  }

  /** The first query that failed, finishing at or after `since`: ms from `since` to its failure. */
  failedAfter(since: number): { ms: number; code: string | null } | undefined {
    const run = this.runs.find((r) => !r.ok && r.endedAt >= since)
    return run && { ms: run.endedAt - since, code: run.code }
  }

  /** The first query that succeeded, finishing at or after `since`: ms from `since` to its end. */
  okAfter(since: number): number | undefined {
    const run = this.runs.find((r) => r.ok && r.endedAt >= since)
    return run && run.endedAt - since
  }

  idleErrorAfter(since: number): number | undefined {
    const at = this.idleErrors.find((t) => t >= since)
    return at === undefined ? undefined : at - since
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer) // a Timeout from setInterval too
    this.timer = undefined
    await this.inFlight
    await this.pool.end()
  }

  private tick(): void {
    if (this.inFlight) return
    const startedAt = performance.now()
    this.inFlight = this.pool.query('SELECT 1').then(
      () => {
        this.runs.push({ startedAt, endedAt: performance.now(), ok: true, code: null })
      },
      (error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code
        this.runs.push({
          startedAt,
          endedAt: performance.now(),
          ok: false,
          code: typeof code === 'string' ? code : error instanceof Error ? error.message : null,
        })
      },
    )
    void this.inFlight.finally(() => (this.inFlight = undefined))
  }
}
