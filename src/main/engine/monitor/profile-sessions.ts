/**
 * The monitor's profiles at run time: one ProfileSession per profile, wired to the contract's
 * events, plus what follows every session: the metrics history (fed with each stats push), the
 * engine events (each profile's ring, pushed in batches as `events:recorded`) and the load lab
 * (each workload follows its profile's status).
 */
import type { EventPayloads } from '../../../shared/contract'
import type { WorkloadSettings } from '../../../shared/cockpit'
import type { Clock } from '../core/clock'
import type { TypedEmitter } from '../core/emitter'
import type { HealthSettings } from '../health/health-settings'
import { EngineEventLog } from '../events/event-log'
import { Workloads } from '../loadlab/workloads'
import type { ProfileSummary } from '../../../shared/domain'
import {
  MetricsRecorder,
  prometheusBucketBoundsMs,
  type ProfileForExport,
} from './metrics-recorder'
import { ProfileSession, type ProfileSessionDeps } from './profile-session'
import { SharedSampling } from '../sessions/shared-sampling'

/** Engine events per profile in a JSON metrics export (newest first). */
export const EXPORTED_EVENTS = 500

export interface ProfileSessionsOptions {
  clock: Clock
  health: HealthSettings
  events: TypedEmitter<EventPayloads>
  /** The load lab's settings of a profile before anyone set them. */
  initialWorkload(profileId: string): WorkloadSettings
  /** Test seam: extra session dependencies (stub drivers, no session sampling). */
  sessionDeps?: Partial<Pick<ProfileSessionDeps, 'drivers' | 'observeSessions' | 'random'>>
}

export class ProfileSessions {
  readonly metrics = new MetricsRecorder()
  readonly engineEvents: EngineEventLog
  readonly workloads: Workloads
  private readonly sessions = new Map<string, ProfileSession>()
  /** One session sampler per server and role, shared by the profiles on it. */
  private readonly sampling: SharedSampling

  constructor(private readonly options: ProfileSessionsOptions) {
    this.sampling = new SharedSampling(options.clock)
    this.engineEvents = new EngineEventLog({
      clock: options.clock,
      onBatch: (events) => options.events.emit('events:recorded', { events }),
    })
    const random = options.sessionDeps?.random
    this.workloads = new Workloads({
      clock: options.clock,
      ...(random ? { random } : {}),
      acquirerFor: (id) => this.get(id),
      initialSettings: (id) => options.initialWorkload(id),
      onChange: (status) => options.events.emit('workload:changed', status),
      recordFor: (id) => this.get(id).recordEvent,
    })
  }

  get(id: string): ProfileSession {
    let session = this.sessions.get(id)
    if (!session) {
      session = this.create(id)
      this.sessions.set(id, session)
    }
    return session
  }

  all(): ProfileSession[] {
    return [...this.sessions.values()]
  }

  /** What a metrics export needs of one profile. */
  exportInput(profile: ProfileSummary): ProfileForExport {
    const session = this.get(profile.id)
    return {
      profile,
      status: session.status(),
      pool: session.poolMetrics(prometheusBucketBoundsMs),
      alerts: session.alerts(),
      // The newest events only: with 200 profiles, whole rings would make a file of hundreds of MB.
      events: this.engineEvents.list(profile.id, { limit: EXPORTED_EVENTS }).events,
    }
  }

  /** The profile is deleted (and already disconnected): everything it had goes. */
  forget(id: string): void {
    this.workloads.forget(id)
    this.metrics.forget(id)
    this.engineEvents.forget(id)
    this.sessions.delete(id)
  }

  async dispose(): Promise<void> {
    this.workloads.dispose()
    await Promise.allSettled(this.all().map((s) => s.disconnect()))
    this.engineEvents.close()
  }

  private create(id: string): ProfileSession {
    const { events, clock } = this.options
    return new ProfileSession(id, {
      clock,
      health: this.options.health,
      sessionSampling: this.sampling,
      ...this.options.sessionDeps,
      onAttempt: (record) => {
        this.metrics.countAttempt(id)
        events.emit('health:attempt-recorded', record)
      },
      onSessions: (snapshot) =>
        events.emit('sessions:sampled', {
          profileId: id,
          sampledAt: snapshot.sampledAt,
          connections: snapshot.connections,
          counts: snapshot.counts,
          sampleMs: snapshot.sampleMs,
        }),
      onAlerts: (alerts) => events.emit('alerts:changed', { profileId: id, alerts }),
      onStatus: (status) => {
        this.workloads.follow(status)
        events.emit('connection:state-changed', status)
      },
      onEvent: (kind, severity, message, data) =>
        this.engineEvents.record(id, kind, severity, message, data),
      onStats: (stats, at) => {
        this.metrics.record(id, stats, at, this.sessions.get(id)?.status())
        events.emit('pool:stats-changed', { profileId: id, stats, at })
      },
    })
  }
}
