/**
 * Which of the pool's connections is the health probe's, for the Sessions tab: the one the last
 * probe ran on, while the pool holds it idle (or lends it to the probe again). The probe has no
 * connection of its own (its partition reserves capacity, not a connection), so once that
 * connection is lent to anyone else it is that caller's and no longer marked. Like the sampler's
 * connection, the probe's is offered no Cancel / Terminate: ending it would only make the next
 * probe fail for a reason that is not the database's.
 */
import { PROBE_HOLDER } from '../health/pg-checks'
import { labelOf, type PoolHolder } from '../pool/engine/pool-entry'

export interface ProbeEntriesView {
  readonly entries: Iterable<{
    readonly backendPid: number | undefined
    readonly state: string
    readonly holder: PoolHolder | undefined
  }>
}

export class ProbeConnection {
  private lastPid: number | undefined

  /** A probe ran on the connection with this backend pid. */
  note(backendPid: number): void {
    this.lastPid = backendPid
  }

  forget(): void {
    this.lastPid = undefined
  }

  /** The probe's backend pid as the pool holds it now (none, or one). */
  pids(pool: ProbeEntriesView | undefined): number[] {
    const pid = this.lastPid
    if (pid === undefined || !pool) return []
    for (const entry of pool.entries) {
      if (entry.backendPid !== pid) continue
      const lentElsewhere = entry.state === 'in-use' && labelOf(entry.holder) !== PROBE_HOLDER
      return lentElsewhere || entry.state === 'removed' ? [] : [pid]
    }
    return []
  }
}
