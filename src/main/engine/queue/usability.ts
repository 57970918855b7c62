/**
 * Whether a profile can take writes now, from its status (what ProfileSession pushes): connected,
 * the circuit breaker closed, and the pool running (not while it drains, is drained or closes:
 * the DBA is taking the database out of service, and the pool would refuse with 'pool-draining'). A read-only standby answers probes but refuses writes; the
 * queue finds that out itself (pg_is_in_recovery(), SQLSTATE 25006) and says so in its state.
 */
import type { ProfileStatus } from '../../../shared/domain'
import type { Usability } from './replay/replay-types'

export function usabilityOf(status: ProfileStatus | null | undefined): Usability {
  if (!status || status.state !== 'connected')
    return {
      usable: false,
      reason: {
        code: 'service-unavailable',
        message: `the profile is ${status?.state ?? 'disconnected'}${status?.error ? ` (${status.error.message})` : ''}`,
      },
    }
  const breaker = status.health?.breaker ?? 'closed'
  if (breaker !== 'closed')
    return {
      usable: false,
      reason: {
        code: 'service-unavailable',
        message: `the circuit breaker is ${breaker}: the database has been unreachable`,
      },
    }
  const pool = status.poolState
  if (pool !== null && pool !== 'running')
    return {
      usable: false,
      reason: {
        code: 'service-unavailable',
        message: `the pool is ${pool}: writes wait until it runs again (Resume)`,
      },
    }
  return { usable: true }
}
