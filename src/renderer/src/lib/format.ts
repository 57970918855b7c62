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

/**
 * A short time in ms (probe round trip, acquire wait, sample time), one precision everywhere:
 * "0 ms" for none, "< 0.01 ms" for a figure that two decimals would show as 0.00, two decimals
 * below 10 ms, whole milliseconds from there.
 */
export function formatMs(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0 ms'
  if (value < 0.005) return '< 0.01 ms'
  return value < 9.995 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`
}
