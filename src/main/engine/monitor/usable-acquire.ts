/**
 * The write queue's way to a pooled connection, given up as soon as health says the database
 * cannot take writes. While a profile is down its pool holds connection creations, so an acquire
 * made just before the outage was noticed would wait out the whole acquire timeout (30 s) with
 * replay showing 'replaying'; here it is answered 'service-unavailable' at the status push that
 * reports the outage (replay then waits for the database, without counting an attempt). A
 * connection the pool hands over after that is given back at once.
 */
import { LifeguardError } from '../core/errors'
import type { ReplayLease, Usability } from '../queue'

type Abandon = (message: string) => void

export class UsableAcquire {
  private readonly waiting = new Set<Abandon>()

  constructor(
    private readonly acquire: () => Promise<ReplayLease>,
    private readonly usable: () => Usability,
  ) {}

  /** A lease, or 'service-unavailable' now or as soon as the database stops being usable. */
  lease(): Promise<ReplayLease> {
    const now = this.usable()
    if (!now.usable)
      return Promise.reject(new LifeguardError('service-unavailable', now.reason.message))
    return new Promise<ReplayLease>((resolve, reject) => {
      let settled = false
      const abandon: Abandon = (message) => {
        if (settled) return
        settled = true
        this.waiting.delete(abandon)
        reject(new LifeguardError('service-unavailable', message))
      }
      this.waiting.add(abandon)
      this.acquire().then(
        (lease) => {
          if (settled) return lease.release()
          settled = true
          this.waiting.delete(abandon)
          resolve(lease)
        },
        (error: unknown) => {
          if (settled) return
          settled = true
          this.waiting.delete(abandon)
          reject(error as Error)
        },
      )
    })
  }

  /** The profile's status changed: waiting acquires give up if the database is not usable now. */
  healthChanged(): void {
    if (this.waiting.size === 0) return
    const now = this.usable()
    if (now.usable) return
    for (const abandon of [...this.waiting]) abandon(now.reason.message)
  }

  /** How many acquires are waiting (tests). */
  get pending(): number {
    return this.waiting.size
  }
}
