/**
 * One connected profile's view of its server's sessions: the sampler, the alert list fed by every
 * sample and by the pool's leak events, and the two actions. The composition the monitor wires:
 *
 *   const observer = new SessionObserver({ acquirer: profileSession, clock, settings,
 *     ownPids: () => poolBackendPids(profileSession.pool), onSnapshot, onAlerts, onError })
 *   const unwatch = observer.watchPool(pool)   // leak, leak-resolved, removed
 *   observer.start() ... observer.stop(); unwatch()
 */
import type { Clock } from '../core/clock'
import type { TypedEmitter } from '../core/emitter'
import { LifeguardError } from '../core/errors'
import type { PoolEvents } from '../pool/engine'
import type { AlertChanges, SessionAlert } from './alert-types'
import type { SessionAcquirer } from './bounded-lease'
import { confirmationFor, type ActionConfirmation } from './confirmation'
import { SessionAlerts } from './session-alerts'
import { runSessionAction, type SessionAction, type SessionActionResult } from './session-actions'
import { SessionSampler, type SessionSamplerDeps } from './session-sampler'
import type { SampleSource, SharedSampling } from './shared-sampling'
import { resolveSessionSettings, type SessionSettings } from './session-settings'
import type { SessionSnapshot } from './session-types'

export interface SessionObserverDeps {
  acquirer: SessionAcquirer
  clock: Clock
  settings?: Partial<SessionSettings>
  /** Backend pids of Lifeguard's own pool connections. */
  ownPids?: () => Iterable<number>
  /** Default the reserved 'monitor' partition; null for a pool without partitions. */
  partition?: string | null
  onSnapshot?(snapshot: SessionSnapshot): void
  /** After every sample and leak event: what changed, and the whole list (durations move). */
  onAlerts?(changes: AlertChanges, alerts: SessionAlert[]): void
  onError?(error: Error): void
  /**
   * Share one sampler with the other profiles of the same server and role (shared-sampling.ts);
   * absent: this observer samples on its own.
   */
  shared?: { sampling: SharedSampling; identity: string }
}

export type LeakEventSource = Pick<TypedEmitter<PoolEvents>, 'on'>

export class SessionObserver {
  readonly settings: SessionSettings
  private readonly sampler: SampleSource
  private readonly tracker: SessionAlerts

  constructor(private readonly deps: SessionObserverDeps) {
    this.settings = resolveSessionSettings(deps.settings)
    this.tracker = new SessionAlerts(this.settings, deps.clock)
    const samplerDeps: SessionSamplerDeps = {
      acquirer: deps.acquirer,
      clock: deps.clock,
      settings: this.settings,
      partition: deps.partition,
      ownPids: deps.ownPids,
      onSnapshot: (snapshot) => {
        const changes = this.tracker.observe(snapshot)
        deps.onSnapshot?.(snapshot)
        this.alertsChanged(changes)
      },
      onError: (error) => deps.onError?.(error),
    }
    this.sampler = deps.shared
      ? deps.shared.sampling.member(deps.shared.identity, samplerDeps)
      : new SessionSampler(samplerDeps)
  }

  get latest(): SessionSnapshot | undefined {
    return this.sampler.latest
  }

  get lastError(): Error | undefined {
    return this.sampler.lastError
  }

  get isRunning(): boolean {
    return this.sampler.isRunning
  }

  start(): void {
    this.sampler.start()
  }

  stop(): void {
    this.sampler.stop()
  }

  /** One sample now (its alerts are updated and reported as for a scheduled one). */
  sample(): Promise<SessionSnapshot> {
    return this.sampler.sample()
  }

  alerts(): SessionAlert[] {
    return this.tracker.list()
  }

  /** Feeds the pool's leak events into the alerts; returns the unsubscribe. */
  watchPool(pool: LeakEventSource): () => void {
    const offs = [
      pool.on('leak', (e) =>
        this.alertsChanged(
          this.tracker.leakDetected({
            connectionId: e.connectionId,
            backendPid: e.backendPid,
            holder: e.holder,
            site: e.site,
            heldMs: e.heldMs,
          }),
        ),
      ),
      pool.on('leak-resolved', (e) =>
        this.alertsChanged(
          this.tracker.leakResolved({ connectionId: e.connectionId, heldMs: e.heldMs }),
        ),
      ),
      pool.on('removed', (e) => this.alertsChanged(this.tracker.connectionRemoved(e.connectionId))),
    ]
    return () => {
      for (const off of offs) off()
    }
  }

  /** What the UI shows before the action, from the latest sample. */
  confirmation(pid: unknown, action: SessionAction): ActionConfirmation {
    const snapshot = this.sampler.latest
    if (!snapshot)
      throw new LifeguardError(
        'invalid-state',
        'no sample of the server sessions has been taken yet',
      )
    return confirmationFor(snapshot, pid, action)
  }

  cancel(pid: unknown, options: { allowOwn?: boolean } = {}): Promise<SessionActionResult> {
    return this.act('cancel', pid, options)
  }

  terminate(pid: unknown, options: { allowOwn?: boolean } = {}): Promise<SessionActionResult> {
    return this.act('terminate', pid, options)
  }

  private act(
    action: SessionAction,
    pid: unknown,
    options: { allowOwn?: boolean },
  ): Promise<SessionActionResult> {
    return runSessionAction(
      {
        acquirer: this.deps.acquirer,
        clock: this.deps.clock,
        ownPids: this.deps.ownPids,
        ownApplicationPrefix: this.settings.ownApplicationPrefix,
        timeoutMs: this.settings.actionTimeoutMs,
        partition: this.deps.partition,
      },
      { action, pid, allowOwn: options.allowOwn === true },
    )
  }

  private alertsChanged(changes: AlertChanges): void {
    this.deps.onAlerts?.(changes, this.tracker.list())
  }
}
