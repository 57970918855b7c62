/**
 * What a profile session does to a real database, in one place so tests can put stub connections
 * in its stead: open a pool connection, make a health checker's reconnect attempt, and cancel or
 * terminate a backend over a side connection (drain deadlines, shutdown).
 */
import type { Clock } from '../core/clock'
import type { AttemptResult } from '../health/health-types'
import { attemptConnection } from '../health/pg-checks'
import { backendAdmin } from '../pool/backend-admin'
import type { PoolConnection } from '../pool/engine'
import { openPgConnection, type ConnectionParams } from '../pool/pg-connection'

export interface BackendAdmin {
  cancelBackend(pid: number): Promise<unknown>
  terminateBackend(pid: number): Promise<unknown>
}

export interface ProfileDrivers {
  connect(params: ConnectionParams): Promise<PoolConnection>
  attempt(params: ConnectionParams, clock: Clock, timeoutMs: number): Promise<AttemptResult>
  admin(params: ConnectionParams): BackendAdmin
}

export const pgDrivers: ProfileDrivers = {
  connect: (params) => openPgConnection(params),
  attempt: attemptConnection,
  admin: backendAdmin,
}
