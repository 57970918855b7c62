import type { ProfileSummary } from '../../../shared/domain'

/** libpq-style address of a profile: user@host:port/database. */
export function connectionTarget(
  p: Pick<ProfileSummary, 'user' | 'host' | 'port' | 'database'>,
): string {
  const host = p.host.includes(':') && !p.host.startsWith('[') ? `[${p.host}]` : p.host
  return `${p.user}@${host}:${p.port}/${p.database}`
}

/** A round-trip time: two decimals below 10 ms, whole milliseconds above. */
export function formatMs(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`
}
