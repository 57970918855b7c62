/**
 * An acquirer for the sampler and action unit tests: leases whose queries answer from a handler,
 * every acquire and release recorded, acquires and queries that hang when the test says so.
 */
import type {
  SessionAcquirer,
  SessionLease,
} from '../../../../src/main/engine/sessions/bounded-lease'

export type QueryHandler = (
  text: string,
  values: unknown[] | undefined,
) => Promise<unknown[]> | unknown[]

export interface AcquireCall {
  partition: string | undefined
  holder: string | undefined
  timeoutMs: number | undefined
}

export interface Release {
  error: Error | undefined
}

/** A pg-style statement error (what node-postgres throws for an ERROR from the server). */
export function statementError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' })
}

export class StubAcquirer implements SessionAcquirer {
  readonly acquires: AcquireCall[] = []
  readonly releases: Release[] = []
  readonly queries: Array<{ text: string; values: unknown[] | undefined }> = []
  /** The next acquires wait until `grant()` (or forever). */
  holdAcquires = false
  /** Queries matching this never answer. */
  hangQueries: RegExp | undefined
  /** acquire rejects with this. */
  refuse: Error | undefined
  private readonly waiting: Array<() => void> = []

  constructor(public handler: QueryHandler) {}

  get held(): number {
    return this.leasesOut
  }

  private leasesOut = 0

  acquire(options: {
    partition?: string
    holder?: string
    timeoutMs?: number
  }): Promise<SessionLease> {
    this.acquires.push({
      partition: options.partition,
      holder: options.holder,
      timeoutMs: options.timeoutMs,
    })
    if (this.refuse) return Promise.reject(this.refuse)
    if (!this.holdAcquires) return Promise.resolve(this.lease())
    return new Promise((resolve) => this.waiting.push(() => resolve(this.lease())))
  }

  /** Hands the held acquires their leases. */
  grant(): void {
    for (const go of this.waiting.splice(0)) go()
  }

  private lease(): SessionLease {
    this.leasesOut++
    let released = false
    return {
      connection: {
        query: async (text: string, values?: unknown[]) => {
          this.queries.push({ text, values })
          if (this.hangQueries?.test(text)) return new Promise<never>(() => undefined)
          return { rows: await this.handler(text, values) }
        },
      },
      release: (error?: Error) => {
        if (released) throw new Error('released twice')
        released = true
        this.leasesOut--
        this.releases.push({ error })
      },
    }
  }
}
