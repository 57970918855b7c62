/**
 * Which profiles may share one session sampler (sessions/shared-sampling.ts): those that reach the
 * same server as the same role. pg_stat_activity is cluster-wide, so the database does not matter;
 * what a sample shows depends only on the server and on what the role may see (pg_read_all_stats,
 * its own sessions). A profile with fallback hosts may be on any of them at a given moment, so it
 * samples on its own (undefined).
 */
import type { ConnectionParams } from '../pool/pg-connection'

export function samplingIdentity(
  params: Pick<ConnectionParams, 'host' | 'port' | 'user' | 'fallbackHosts'>,
): string | undefined {
  if (params.fallbackHosts && params.fallbackHosts.length > 0) return undefined
  return JSON.stringify([params.host.toLowerCase(), params.port, params.user])
}
