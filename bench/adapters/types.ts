/** The one shape every pool is driven through, so each pays the same (tiny) indirection. */

/** What the bench needs from a connection; pg.Client and FakeClient both satisfy it. */
export interface BenchConnection {
  query(text: string): Promise<unknown>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): unknown
}

/** Where connections come from: the no-I/O fake, or pg.Client against the embedded server. */
export interface ConnectionSource {
  /** Opens one connection (what tarn, generic-pool and Lifeguard are given). */
  connect(): Promise<BenchConnection>
  close(connection: BenchConnection): Promise<void>
  /** For pg.Pool, which builds its own clients: the class (its `Client` option)... */
  Client: new (config?: object) => BenchConnection
  /** ...and the settings pg.Pool passes to it. */
  clientConfig: object
}

export interface PoolAdapter {
  readonly pool: string
  /** Resolves to a handle: the pool's lease, or the connection itself for pools that lend those. */
  acquire(): Promise<unknown>
  release(handle: unknown): void
  connection(handle: unknown): BenchConnection
  /** The pool's own acquire-query-release, where it has one (pg.Pool.query). */
  query?: (text: string) => Promise<unknown>
  close(): Promise<void>
}

export type CreatePool = (source: ConnectionSource, max: number) => Promise<PoolAdapter>
