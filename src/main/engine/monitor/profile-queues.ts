/**
 * The monitor's write queues (issue 5): ONE QueueStore for the data directory, holding its lock
 * (`<dataDir>/queue/`) for the app's life, and one WriteQueue per profile, opened on first use or
 * at start for every profile that has a queue folder (so a restart replays what was left), and
 * kept open while the profile is disconnected (writes can be queued for it).
 *
 * A second Lifeguard on the same data directory finds the lock held: it raises a warning and runs
 * without write queues (every queue:* call answers 'storage' with the reason; nothing is opened,
 * so the other one's files are never touched).
 *
 * States: 'starting' (the store opens) -> 'open' | 'unavailable' (lock held, or the folder could
 * not be made) -> 'closed' (dispose).
 */
import type { AppWarning } from '../../../shared/domain'
import type { QueueParam, QueueStatus, QueueView, SubmitOutcome } from '../../../shared/queue'
import type { ErrorInfo } from '../../../shared/result'
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import type { EngineSettings } from '../defaults'
import type { EnqueueInput, ExportWhich, WriteQueue } from '../queue'
import type { QueuedOperation } from '../queue/queue-log-types'
import { openQueueStore, type FileQueueStore } from '../queue/storage'
import type { StoredProfile } from '../profiles/profile-file'
import type { MetricsExport } from '../../../shared/domain'
import type { ProfileSession } from './profile-session'
import type { QueueConsents } from './queue-consents'
import { createProfileQueue, queueSettingsOf } from './queue-factory'
import { folderExists, hasDamagedCopy, profileFolders, retireFolder } from './queue-folders'
import { placeholderStatus } from './queue-placeholder'

export interface ProfileQueuesDeps {
  dataDir: string
  clock: Clock
  random?: () => number
  engine: EngineSettings
  consents: QueueConsents
  /** The stored profile ('not-found' when there is none). */
  profile(id: string): StoredProfile
  hasProfile(id: string): boolean
  session(id: string): ProfileSession
  /** queue:changed. */
  onStatus(status: QueueStatus): void
  warn(warning: AppWarning): void
}

type StoreState = 'starting' | 'open' | 'unavailable' | 'closed'

export class ProfileQueues {
  private state: StoreState = 'starting'
  private store: FileQueueStore | null = null
  private failure: ErrorInfo | null = null
  private readonly started: Promise<void>
  private readonly queues = new Map<string, WriteQueue>()
  /** Each open queue's health hook (its acquire gate, then its replay). */
  private readonly followers = new Map<string, () => void>()
  private readonly opening = new Map<string, Promise<WriteQueue>>()
  /** Profiles being deleted: no queue is opened for them meanwhile. */
  private readonly retiring = new Set<string>()
  /** Profiles whose status went out (a new profile's empty queue is announced once). */
  private readonly announced = new Set<string>()

  constructor(private readonly deps: ProfileQueuesDeps) {
    this.started = this.start()
  }

  /** Resolves once the store is open (or known to be unavailable) and left-over queues are open. */
  ready(): Promise<void> {
    return this.started
  }

  /** Why there are no write queues in this run, or null. */
  get unavailable(): ErrorInfo | null {
    return this.failure
  }

  /** The profile's queue, opened if need be ('not-found', 'storage' when queues are off). */
  async queue(id: string): Promise<WriteQueue> {
    this.deps.profile(id)
    await this.started
    return this.get(id)
  }

  private get(id: string): Promise<WriteQueue> {
    const open = this.queues.get(id)
    if (open) return Promise.resolve(open)
    if (this.state === 'unavailable' && this.failure)
      return Promise.reject(new LifeguardError(this.failure.code, this.failure.message))
    if (this.state !== 'open' || !this.store)
      return Promise.reject(
        new LifeguardError(
          'invalid-state',
          'the write queues are closed: Lifeguard is shutting down',
        ),
      )
    if (this.retiring.has(id))
      return Promise.reject(new LifeguardError('invalid-state', 'the profile is being deleted'))
    let pending = this.opening.get(id)
    if (!pending) {
      pending = this.open(this.store, id).finally(() => this.opening.delete(id))
      this.opening.set(id, pending)
    }
    return pending
  }

  /** The queue's status, or what an unopened one is: empty (or off, when queues are off). */
  status(id: string): QueueStatus {
    const open = this.queues.get(id)
    if (open) return open.status()
    const settings = queueSettingsOf(this.deps.engine, this.deps.consents.get(id))
    return placeholderStatus(id, settings, this.failure)
  }

  /**
   * The profiles now (after a change): each one main has not pushed a queue status for yet gets
   * one (an empty queue), so a new card shows its depth at once; deleted ones are forgotten.
   */
  announce(ids: readonly string[]): void {
    const keep = new Set(ids)
    for (const id of this.announced) if (!keep.has(id)) this.announced.delete(id)
    for (const id of ids) {
      if (this.announced.has(id)) continue
      this.announced.add(id)
      if (!this.queues.has(id) && !this.opening.has(id)) this.deps.onStatus(this.status(id))
    }
  }

  /** The profile's status changed: replay looks again (usability comes from the session). */
  healthChanged(id: string): void {
    this.followers.get(id)?.()
  }

  async view(id: string, limit?: number): Promise<QueueView> {
    return (await this.queue(id)).view(limit)
  }

  async submit(
    id: string,
    sql: string,
    params: QueueParam[] | undefined,
    queueIfUnavailable: boolean,
  ): Promise<SubmitOutcome> {
    return (await this.queue(id)).submit(sql, params ?? [], { queueIfUnavailable })
  }

  async resolve(
    id: string,
    operationId: string,
    action: 'retry' | 'skip' | 'edit',
    sql?: string,
    params?: QueueParam[],
  ): Promise<QueueView> {
    return (await this.queue(id)).resolve(operationId, action, sql, params)
  }

  async requeue(id: string, operationId: string): Promise<QueueView> {
    return (await this.queue(id)).requeue(operationId)
  }

  async export(id: string, which: ExportWhich): Promise<MetricsExport> {
    return (await this.queue(id)).exportOperations(which)
  }

  async setExactlyOnce(id: string, enabled: boolean): Promise<QueueStatus> {
    return (await this.queue(id)).setExactlyOnce(enabled)
  }

  /**
   * The user decided on a damaged queue: the valid records before the damage become the queue
   * (the damaged file's copy stays aside, the records from the damage on are not replayed).
   */
  async discardDamage(id: string): Promise<QueueView> {
    const queue = await this.queue(id)
    const log = this.store?.get(id)
    if (!log?.damage) throw new LifeguardError('invalid-state', 'the write queue is not damaged')
    await log.discardDamage()
    queue.healthChanged()
    this.deps.onStatus(queue.status())
    return queue.view()
  }

  /**
   * The profile now points at another server: what the user allowed on the old one (the
   * exactly-once table, the history tables) is not allowed there until asked again. Exactly-once
   * is turned off (nothing is created on the new server meanwhile; at-least-once until then).
   */
  serverChanged(id: string): void {
    this.deps.consents.forget(id)
    const queue = this.queues.get(id)
    if (queue?.status().exactlyOnce)
      void queue.setExactlyOnce(false).catch((error: unknown) =>
        this.deps.warn({
          id: `queue-consent-${id}`,
          message: `Exactly-once could not be turned off after the profile's server changed: ${(error as Error).message}`,
        }),
      )
    else if (!queue) this.deps.onStatus(this.status(id))
  }

  /** Queues several operations in order (the history sink); each settles on its own. */
  async enqueueAll(
    id: string,
    inputs: readonly EnqueueInput[],
  ): Promise<PromiseSettledResult<QueuedOperation>[]> {
    const queue = await this.queue(id)
    // Called in order in one turn: the log numbers them in this order.
    return Promise.allSettled(inputs.map((input) => queue.enqueue(input)))
  }

  /**
   * Before a profile is deleted: refused while writes are still queued for it (they would be
   * lost), naming how many. Otherwise its queue is closed and its folder removed, or kept aside
   * (renamed) when it still holds moved-aside operations or a damaged copy; a warning says where.
   */
  async retire(id: string, name: string): Promise<void> {
    await this.started
    const status = this.status(id)
    if (status.depth > 0)
      throw new LifeguardError(
        'invalid-state',
        `"${name}" still has ${status.depth} queued write${status.depth === 1 ? '' : 's'} that ${status.depth === 1 ? 'has' : 'have'} not reached its database: deleting the profile would lose ${status.depth === 1 ? 'it' : 'them'}. Let the queue replay (connect the profile), or skip or export the writes in its Queue tab, then delete it.`,
      )
    if (this.state === 'unavailable' && (await folderExists(this.deps.dataDir, id)))
      throw new LifeguardError(
        'invalid-state',
        `"${name}" has a write queue that this Lifeguard cannot open (${this.failure?.message ?? 'write queues are off'}): delete the profile from the Lifeguard that holds it`,
      )
    if (this.state !== 'open' || !this.store) return
    this.retiring.add(id)
    try {
      await this.opening.get(id)?.catch(() => undefined)
      const queue = this.queues.get(id)
      this.queues.delete(id)
      this.followers.delete(id)
      await queue?.close()
      await this.store.get(id)?.close()
      const queueDir = this.store.queueDir
      const keep =
        status.movedAside > 0 || status.damage !== null || (await hasDamagedCopy(queueDir, id))
      const kept = await retireFolder(queueDir, id, keep, this.deps.clock.wallNow())
      if (kept)
        this.deps.warn({
          id: `queue-kept-${id}`,
          message: `The write queue of the deleted profile "${name}" still held ${status.movedAside} moved-aside operation${status.movedAside === 1 ? '' : 's'}${status.damage ? ' and a damaged file' : ''}: its folder is kept at ${kept}.`,
        })
    } finally {
      this.retiring.delete(id)
    }
  }

  /** Stops every replay (after the batch in flight), closes the logs and releases the lock. */
  async dispose(): Promise<void> {
    await this.started
    if (this.state === 'closed') return
    const store = this.store
    this.state = 'closed'
    await Promise.allSettled([...this.opening.values()])
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()))
    this.queues.clear()
    this.followers.clear()
    await store?.close()
  }

  // ---- internals ------------------------------------------------------------------------------

  private async start(): Promise<void> {
    try {
      this.store = await openQueueStore({ dataDir: this.deps.dataDir, clock: this.deps.clock })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.failure = {
        code: 'storage',
        message: `Write queues are off in this run: ${message} Lifeguard runs without them (no queued writes, no history sink), so the queues of the Lifeguard that holds them are never corrupted; close that one and restart this one to use them here.`,
      }
      this.state = 'unavailable'
      this.deps.warn({ id: 'queue-store-unavailable', message: this.failure.message })
      return
    }
    this.state = 'open'
    let folders: string[] = []
    try {
      folders = await profileFolders(this.store.queueDir)
    } catch (error) {
      this.deps.warn({
        id: 'queue-folders-unreadable',
        message: `The write-queue folder could not be listed, so queued writes of an earlier run are not replayed yet: ${(error as Error).message}`,
      })
    }
    for (const id of folders) {
      if (!this.deps.hasProfile(id)) continue
      await this.get(id).catch((error: unknown) =>
        this.deps.warn({
          id: `queue-open-${id}`,
          message: `The write queue of a profile could not be opened: ${(error as Error).message}`,
        }),
      )
    }
  }

  private async open(store: FileQueueStore, id: string): Promise<WriteQueue> {
    const profile = this.deps.profile(id)
    const consents = this.deps.consents.get(id)
    const settings = queueSettingsOf(this.deps.engine, consents)
    const log = await store.open(id, { maxQueueSize: settings.maxQueueSize })
    if (this.state !== 'open') {
      await log.close()
      throw new LifeguardError(
        'invalid-state',
        'the write queues are closed: Lifeguard is shutting down',
      )
    }
    const { queue, healthChanged } = createProfileQueue({
      profile,
      log,
      session: this.deps.session(id),
      clock: this.deps.clock,
      ...(this.deps.random ? { random: this.deps.random } : {}),
      engine: this.deps.engine,
      consents,
      onStatus: (status) => this.deps.onStatus(status),
      onExactlyOnce: (enabled) => this.deps.consents.set(id, { exactlyOnce: enabled }),
    })
    this.queues.set(id, queue)
    this.followers.set(id, healthChanged)
    this.announced.add(id)
    this.deps.onStatus(queue.status())
    return queue
  }
}
