/**
 * The load lab's defaults (issue 8 item 9): a user profile starts with the workload off; the local
 * demo runs a gentle one with an occasional planted leak, so a newcomer sees every view alive
 * (the pool's leak threshold is 30 s: the leak alert fires after 30 s and resolves at 45 s).
 */
import type { WorkloadSettings } from '../../../shared/cockpit'

export const userWorkloadDefaults: Readonly<WorkloadSettings> = Object.freeze({
  enabled: false,
  clients: 4,
  ratePerSecond: 10,
  query: 'select-1',
  sleepMs: 100,
  leakEverySeconds: null,
  leakHoldMs: 45_000,
})

export const demoWorkloadDefaults: Readonly<WorkloadSettings> = Object.freeze({
  enabled: true,
  clients: 5,
  ratePerSecond: 6,
  query: 'sleep',
  sleepMs: 300,
  leakEverySeconds: 90,
  leakHoldMs: 45_000,
})

/** Holder labels: named in leak reports and the sessions view. */
export const WORKLOAD_HOLDER = 'load lab client'
export const PLANTED_LEAK_HOLDER = 'load lab: planted leak'

/** The window of the achieved rate, and how often a running workload reports. */
export const RATE_WINDOW_MS = 10_000
export const REPORT_EVERY_MS = 1_000
