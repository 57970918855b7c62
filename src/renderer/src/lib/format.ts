import type { ProfileSummary } from '../../../shared/domain'

/** host:port, with an IPv6 address in brackets. */
export function hostPortText(p: { host: string; port: number }): string {
  const host = p.host.includes(':') && !p.host.startsWith('[') ? `[${p.host}]` : p.host
  return `${host}:${p.port}`
}

/** libpq-style address of a profile: user@host:port/database. */
export function connectionTarget(
  p: Pick<ProfileSummary, 'user' | 'host' | 'port' | 'database'>,
): string {
  return `${p.user}@${hostPortText(p)}/${p.database}`
}

/** A round-trip time: two decimals below 10 ms, whole milliseconds above. */
export function formatMs(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`
}
