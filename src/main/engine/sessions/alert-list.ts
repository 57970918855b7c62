/** Ordering and copying of the alert list (session-alerts.ts). */
import type { AlertChanges, AlertSeverity, SessionAlert } from './alert-types'

const severityRank: Record<AlertSeverity, number> = { critical: 0, warning: 1 }

export function emptyChanges(): AlertChanges {
  return { raised: [], severityChanged: [], resolved: [] }
}

export function compareAlerts(a: SessionAlert, b: SessionAlert): number {
  const aActive = a.resolvedAt === null
  const bActive = b.resolvedAt === null
  if (aActive !== bActive) return aActive ? -1 : 1
  if (aActive)
    return (
      severityRank[a.severity] - severityRank[b.severity] ||
      a.firstSeen - b.firstSeen ||
      compareText(a.id, b.id)
    )
  return (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || compareText(a.id, b.id)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A deep copy, so callers never hold the tracker's live records. */
export function copyAlert(a: SessionAlert): SessionAlert {
  return structuredClone(a)
}
