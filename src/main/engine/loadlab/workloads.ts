/**
 * The load lab of every profile, for this run (settings are kept in memory only): each profile's
 * Workload follows its profile's status, running while the workload is enabled and the pool
 * serves (pool state 'running', the profile not disconnecting or disconnected), so a drain,
 * shutdown or disconnect stops it and a resume or a new connect starts it again.
 */
import type { WorkloadSettings, WorkloadStatus } from '../../../shared/cockpit'
import type { ProfileStatus } from '../../../shared/domain'
import type { Clock } from '../core/clock'
import type { RecordEvent } from '../events/profile-event-recorder'
import type { Acquirer } from '../monitor/profile-session'
import { Workload } from './workload'

export interface WorkloadsDeps {
  clock: Clock
  /** The start jitter's random source (default Math.random). */
  random?: () => number
  acquirerFor(profileId: string): Acquirer
  /** Settings of a profile's workload before anyone set them (the demo's runs by default). */
  initialSettings(profileId: string): WorkloadSettings
  onChange(status: WorkloadStatus): void
  recordFor(profileId: string): RecordEvent
}

/** The pool can serve a workload: it runs, and the profile is not going away. */
export function poolServes(status: ProfileStatus): boolean {
  return (
    status.poolState === 'running' &&
    status.state !== 'disconnecting' &&
    status.state !== 'disconnected'
  )
}

export class Workloads {
  private readonly workloads = new Map<string, Workload>()

  constructor(private readonly deps: WorkloadsDeps) {}

  get(profileId: string): WorkloadStatus {
    return this.workload(profileId).status()
  }

  set(profileId: string, settings: WorkloadSettings): WorkloadStatus {
    return this.workload(profileId).configure(settings)
  }

  /** Called with every status the profile pushes. */
  follow(status: ProfileStatus): void {
    this.workload(status.profileId).setCanRun(poolServes(status))
  }

  forget(profileId: string): void {
    this.workloads.get(profileId)?.dispose()
    this.workloads.delete(profileId)
  }

  dispose(): void {
    for (const w of this.workloads.values()) w.dispose()
    this.workloads.clear()
  }

  private workload(profileId: string): Workload {
    let w = this.workloads.get(profileId)
    if (!w) {
      w = new Workload(
        {
          profileId,
          acquirer: this.deps.acquirerFor(profileId),
          clock: this.deps.clock,
          ...(this.deps.random ? { random: this.deps.random } : {}),
          onChange: (status) => this.deps.onChange(status),
          record: this.deps.recordFor(profileId),
        },
        this.deps.initialSettings(profileId),
      )
      this.workloads.set(profileId, w)
    }
    return w
  }
}
