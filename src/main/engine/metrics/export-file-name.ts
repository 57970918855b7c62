/** File names offered by the save dialog / download for a metrics export. */

export type MetricsExportFormat = 'json' | 'csv' | 'prometheus'

const EXTENSIONS: Readonly<Record<MetricsExportFormat, string>> = {
  json: 'json',
  csv: 'csv',
  prometheus: 'prom',
}

/** Lower-case ASCII letters, digits and single dashes, at most 40 characters. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return s === '' ? 'profile' : s
}

/**
 * `lifeguard-metrics-<profile or "all">-YYYY-MM-DD-HH-MM-SS.<ext>` (UTC). The profile part is a
 * slug, so a name cannot add a directory, a dot-dot or a second extension.
 */
export function metricsExportFileName(
  format: MetricsExportFormat,
  exportedAt: number,
  profileName?: string,
): string {
  const stamp = new Date(exportedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-')
  const who = profileName === undefined ? 'all' : slug(profileName)
  return `lifeguard-metrics-${who}-${stamp}.${EXTENSIONS[format]}`
}
