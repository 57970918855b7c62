/**
 * The foundation's small pool of `pg` connections: max size, a warm minimum, FIFO waiters with an
 * acquire timeout, a guard against double release, and live counts. The pool engine issue replaces
 * it with the full engine; the public shape (acquire / release / stats / close) stays.
 */
import type { Clock, TimerHandle } from '../core/clock'
import { LifeguardError } from '../core/errors'
import type { PoolStats } from '../../../shared/domain'

/** What the pool needs from a connection (pg.Client satisfies it). */
export interface RawConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): unknown
}

export type ConnectionFactory = () => Promise<RawConnection>

export interface SimplePoolOptions {
  factory: ConnectionFactory
  clock: Clock
  max: number
  min: number
  acquireTimeoutMs: number
  onChange?: () => void
}

export type PoolState = 'starting' | 'running' | 'closing' | 'closed'

export interface Lease {
  readonly connection: RawConnection
  readonly id: number
  /** Returns the connection; pass the error that broke it to have it removed instead. */
  release(error?: Error): void
}

interface Entry {
  id: number
  connection: RawConnection
  state: 'idle' | 'in-use' | 'removed'
  broken: boolean
}

interface Waiter {
  resolve(lease: Lease): void
  reject(error: Error): void
  timer: TimerHandle
}

export class SimplePool {
  private state: PoolState = 'starting'
  private readonly entries = new Set<Entry>()
  private readonly idle: Entry[] = []
  private readonly waiters: Waiter[] = []
  private pendingCreates = 0
  private nextId = 1

  constructor(private readonly options: SimplePoolOptions) {
    if (!Number.isInteger(options.max) || options.max < 1)
      throw new RangeError('max must be an integer >= 1')
    if (!Number.isInteger(options.min) || options.min < 0 || options.min > options.max)
      throw new RangeError('min must be an integer between 0 and max')
  }

  get poolState(): PoolState {
    return this.state
  }

  /** Opens the warm minimum; rejects with the first connection error. */
  async start(): Promise<void> {
    const creations: Promise<Entry>[] = []
    for (let i = 0; i < this.options.min; i++) creations.push(this.create())
    const results = await Promise.allSettled(creations)
    const failure = results.find((r) => r.status === 'rejected')
    for (const r of results) if (r.status === 'fulfilled') this.makeIdle(r.value)
    if (failure) {
      await this.close()
      throw failure.reason
    }
    this.state = 'running'
    this.changed()
  }

  stats(): PoolStats {
    let active = 0
    for (const e of this.entries) if (e.state === 'in-use') active++
    return {
      total: this.entries.size,
      active,
      idle: this.idle.length,
      waiting: this.waiters.length,
      max: this.options.max,
    }
  }

  acquire(): Promise<Lease> {
    if (this.state !== 'running')
      return Promise.reject(new LifeguardError('pool-closed', `the pool is ${this.state}`))
    const entry = this.idle.shift()
    if (entry) {
      entry.state = 'in-use'
      this.changed()
      return Promise.resolve(this.lease(entry))
    }
    return new Promise<Lease>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: this.options.clock.setTimeout(() => {
          const i = this.waiters.indexOf(waiter)
          if (i >= 0) this.waiters.splice(i, 1)
          const s = this.stats()
          reject(
            new LifeguardError(
              'acquire-timeout',
              `acquire timed out after ${this.options.acquireTimeoutMs} ms (total=${s.total}, active=${s.active}, idle=${s.idle}, waiting=${s.waiting})`,
            ),
          )
          this.changed()
        }, this.options.acquireTimeoutMs),
      }
      this.waiters.push(waiter)
      this.changed()
      this.grow()
    })
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return
    this.state = 'closing'
    for (const waiter of this.waiters.splice(0)) {
      this.options.clock.clearTimeout(waiter.timer)
      waiter.reject(new LifeguardError('pool-closed', 'the pool was closed while waiting'))
    }
    this.idle.length = 0
    const ends = [...this.entries].map((e) => this.remove(e))
    await Promise.allSettled(ends)
    this.state = 'closed'
    this.changed()
  }

  private grow(): void {
    while (
      this.state === 'running' &&
      this.waiters.length > this.pendingCreates &&
      this.entries.size + this.pendingCreates < this.options.max
    ) {
      this.create().then(
        (entry) => {
          if (this.state !== 'running') {
            void this.remove(entry)
            return
          }
          this.makeIdle(entry)
          this.dispatch()
        },
        (error: unknown) => {
          // Creation failed: fail the oldest waiter now rather than letting it time out blindly.
          const waiter = this.waiters.shift()
          if (waiter) {
            this.options.clock.clearTimeout(waiter.timer)
            waiter.reject(error instanceof Error ? error : new Error(String(error)))
          }
          this.changed()
        },
      )
    }
  }

  private async create(): Promise<Entry> {
    this.pendingCreates++
    try {
      const connection = await this.options.factory()
      const entry: Entry = { id: this.nextId++, connection, state: 'idle', broken: false }
      connection.on('error', () => {
        entry.broken = true
        if (entry.state === 'idle') void this.remove(entry)
      })
      this.entries.add(entry)
      return entry
    } finally {
      this.pendingCreates--
    }
  }

  private makeIdle(entry: Entry): void {
    entry.state = 'idle'
    this.idle.push(entry)
    this.changed()
  }

  private dispatch(): void {
    while (this.waiters.length > 0 && this.idle.length > 0) {
      const entry = this.idle.shift() as Entry
      const waiter = this.waiters.shift() as Waiter
      this.options.clock.clearTimeout(waiter.timer)
      entry.state = 'in-use'
      waiter.resolve(this.lease(entry))
    }
    this.changed()
    this.grow()
  }

  private lease(entry: Entry): Lease {
    let released = false
    return {
      connection: entry.connection,
      id: entry.id,
      release: (error?: Error) => {
        if (released)
          throw new LifeguardError('invalid-state', `connection ${entry.id} was already released`)
        released = true
        if (entry.state === 'removed') return
        if (error || entry.broken || this.state !== 'running') {
          void this.remove(entry)
          this.grow()
          return
        }
        this.makeIdle(entry)
        this.dispatch()
      },
    }
  }

  private async remove(entry: Entry): Promise<void> {
    if (entry.state === 'removed') return
    entry.state = 'removed'
    this.entries.delete(entry)
    const i = this.idle.indexOf(entry)
    if (i >= 0) this.idle.splice(i, 1)
    this.changed()
    try {
      await entry.connection.end()
    } catch {
      // already gone
    }
  }

  private changed(): void {
    this.options.onChange?.()
  }
}
