/**
 * A gentle synthetic workload for the local demo, so its pool shows live numbers: a few virtual
 * clients acquire a connection, run a short pg_sleep, release it and think for a while.
 */
import type { Clock, TimerHandle } from '../core/clock'
import type { Acquirer } from '../monitor/profile-session'

export class DemoWorkload {
  private running = false
  private readonly timers = new Set<TimerHandle>()

  constructor(
    private readonly pool: Acquirer,
    private readonly clock: Clock,
    private readonly clients: number,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    for (let i = 0; i < this.clients; i++) this.later(this.random() * 1500, () => this.cycle())
  }

  stop(): void {
    this.running = false
    for (const t of this.timers) this.clock.clearTimeout(t)
    this.timers.clear()
  }

  private later(ms: number, run: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle)
      run()
    }, ms)
    this.timers.add(handle)
  }

  private async cycle(): Promise<void> {
    if (!this.running) return
    try {
      const lease = await this.pool.acquire({ holder: 'demo workload' })
      const seconds = (50 + this.random() * 900) / 1000
      try {
        await lease.connection.query('SELECT pg_sleep($1)', [seconds])
        lease.release()
      } catch (error) {
        lease.release(error as Error)
      }
    } catch {
      // pool closing or exhausted: the next cycle tries again
    }
    if (this.running) this.later(100 + this.random() * 1400, () => void this.cycle())
  }
}
