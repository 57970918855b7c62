/** The pool engine's public surface. */
export { ConnectionPool } from './pool'
export type {
  AcquireOptions,
  DrainDeadlineChoice,
  DrainOptions,
  DrainOutcome,
  WaitTicket,
} from './pool-call-options'
export type { PoolDeps } from './pool-core'
export type { PoolConnection, ConnectionFactory, TransactionStatus } from './pool-connection'
export type { PoolHolder } from './pool-entry'
export type { PartitionGauges } from './partitions'
export { AcquireTimeoutError } from './pool-errors'
export type { PoolEvents, RemovalReason, ConnectionRef } from './pool-events'
export type { PoolLease, ReleaseOptions } from './pool-lease'
export type { PoolGauges, PoolCounters, PoolMetricsSnapshot } from './pool-metrics'
export type { HistogramSnapshot } from './histogram'
export { CompatPool } from './pg-pool-compat'
export type { CompatPoolDeps, CompatPoolEvents } from './pg-pool-compat'
export { CompatClient, compatPoolOptions, isConnectionProblem } from './pg-pool-compat-client'
export type {
  CompatPoolConfig,
  CompatQueryCallback,
  CompatQueryResult,
  CompatQueryText,
} from './pg-pool-compat-client'
export { poolDefaults, resolvePoolOptions } from './pool-options'
export type { PoolOptions, PoolOptionsInput } from './pool-options'
export type { PoolState } from './pool-state'
export type { Priority } from './wait-queue'
