/** Stub connections for pool unit tests: no I/O, controllable failures. */
import type { RawConnection } from '../../src/main/engine/pool/simple-pool'

export class FakeConnection implements RawConnection {
  ended = false
  queries: string[] = []
  private errorListeners: Array<(e: Error) => void> = []

  async query(text: string): Promise<{ rows: unknown[] }> {
    if (this.ended) throw new Error('Connection terminated')
    this.queries.push(text)
    return { rows: [{ server_version: '18.0' }] }
  }

  async end(): Promise<void> {
    this.ended = true
  }

  on(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.push(listener)
    return this
  }

  /** The server side went away while idle. */
  breakNow(): void {
    for (const l of this.errorListeners) l(new Error('Connection terminated unexpectedly'))
  }
}

export function fakeFactory() {
  const made: FakeConnection[] = []
  let failNext: Error | undefined
  const factory = async () => {
    if (failNext) {
      const e = failNext
      failNext = undefined
      throw e
    }
    const c = new FakeConnection()
    made.push(c)
    return c
  }
  return {
    factory,
    made,
    failNextWith(error: Error) {
      failNext = error
    },
  }
}
