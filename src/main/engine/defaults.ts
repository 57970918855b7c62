/**
 * Every default of the foundation in one place (numbers from ../shared/design/reference.md).
 * The pool, health and profiles issues extend this and make each one overridable per profile.
 */
import { healthDefaults, type HealthSettings } from './health/health-settings'

export const defaults = {
  /** Bound on opening one connection (libpq's connect_timeout). */
  connectTimeoutMs: 10_000,
  /** DB_OPERATION_TIMEOUT: bound on any single database operation. */
  operationTimeoutMs: 30_000,
  /**
   * Pool sizing of a profile (the engine's other defaults are in pool/engine/pool-options.ts).
   * One connection is reserved for Lifeguard's own queries (server version now; health probes and
   * session sampling later), so a workload that exhausts the pool never blinds the monitor.
   */
  pool: { max: 10, min: 2, acquireTimeoutMs: 30_000, partitions: { monitor: 1, health: 1 } },
  /** The partition Lifeguard's own queries use (session sampling, cancel / terminate). */
  monitorPartition: 'monitor',
  /**
   * The health probe's own reserved connection, so a session sample holding the monitor
   * connection never delays a probe into a false failure. Pools too small for two reserved
   * connections (max < 4) probe through the monitor partition.
   */
  healthPartition: 'health',
  /** How often a connected profile's pool counts are pushed even when nothing changed. */
  statsIntervalMs: 1_000,
  /** At most this often when counts change quickly. */
  statsMinGapMs: 250,
  /**
   * The local demo's pool: room for its load-lab workload (loadlab/workload-settings.ts: 5
   * clients, 6 queries a second, an occasional planted leak) next to the two reserved connections.
   */
  demo: { poolMax: 8, poolMin: 2 },
} as const

export interface EngineSettings {
  connectTimeoutMs: number
  operationTimeoutMs: number
  /** Probes, reconnect backoff, breaker (health/health-settings.ts). */
  health: HealthSettings
  /** Overrides of every profile pool's engine defaults (tests: a short leak threshold). */
  pool?: { leakDetectionMs?: number }
}

export const defaultEngineSettings: EngineSettings = {
  connectTimeoutMs: defaults.connectTimeoutMs,
  operationTimeoutMs: defaults.operationTimeoutMs,
  health: healthDefaults,
}
