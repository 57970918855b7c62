/**
 * The JSON metrics snapshot of one profile or all (issue 8 item 5): for each profile its settings
 * without secrets, its current state, its time series (column by column, which is about a fifth
 * of the size of one object per point), its events and its alerts; with a format name and
 * version so a reader can tell what it holds, and the export time.
 *
 * Settings, state, events and alerts all go through withoutSecrets (secret-free.ts); the series
 * hold only numbers and levels.
 */
import type { HealthLevel } from '../../../shared/domain'
import type { HistoryRange, MetricsSeries } from './metrics-sample'
import { withoutSecrets } from './secret-free'

export const METRICS_SNAPSHOT_FORMAT = 'lifeguard-metrics-snapshot'
export const METRICS_SNAPSHOT_VERSION = 1

export interface JsonSnapshotProfileInput {
  /** A ProfileSummary or anything like it: copied without password-like fields. */
  profile: { readonly id: string; readonly name: string }
  /** The current state, e.g. a ProfileStatus. */
  state: unknown
  series: readonly MetricsSeries[]
  events: readonly unknown[]
  alerts: readonly unknown[]
}

export interface JsonSnapshotInput {
  /** Wall-clock ms of the export. */
  exportedAt: number
  scope: 'profile' | 'all'
  appVersion?: string
  profiles: readonly JsonSnapshotProfileInput[]
}

/** One series, column by column: entry i of every array belongs to the slot starting at at[i]. */
export interface SeriesColumns {
  range: HistoryRange
  resolutionMs: number
  /** The window (from, to], ISO 8601 UTC. */
  from: string
  to: string
  /** Slot starts, wall ms. */
  at: number[]
  total: number[]
  active: number[]
  idle: number[]
  waiting: number[]
  max: number[]
  min: number[]
  pendingCreates: number[]
  acquires: number[]
  timeouts: number[]
  leaks: number[]
  waitP50Ms: number[]
  waitP95Ms: number[]
  waitP99Ms: number[]
  latencyMs: Array<number | null>
  latencyMinMs: Array<number | null>
  latencyMaxMs: Array<number | null>
  level: Array<HealthLevel | null>
  samples: number[]
}

export interface ProfileSnapshot {
  id: string
  name: string
  settings: Record<string, unknown>
  state: unknown
  series: SeriesColumns[]
  events: unknown[]
  alerts: unknown[]
}

export interface MetricsSnapshot {
  format: typeof METRICS_SNAPSHOT_FORMAT
  formatVersion: typeof METRICS_SNAPSHOT_VERSION
  exportedAt: string
  scope: 'profile' | 'all'
  appVersion?: string
  profiles: ProfileSnapshot[]
}

export function seriesColumns(series: MetricsSeries): SeriesColumns {
  const out: SeriesColumns = {
    range: series.range,
    resolutionMs: series.resolutionMs,
    from: new Date(series.from).toISOString(),
    to: new Date(series.to).toISOString(),
    at: [],
    total: [],
    active: [],
    idle: [],
    waiting: [],
    max: [],
    min: [],
    pendingCreates: [],
    acquires: [],
    timeouts: [],
    leaks: [],
    waitP50Ms: [],
    waitP95Ms: [],
    waitP99Ms: [],
    latencyMs: [],
    latencyMinMs: [],
    latencyMaxMs: [],
    level: [],
    samples: [],
  }
  for (const p of series.points) {
    const s = p.stats
    out.at.push(p.at)
    out.total.push(s.total)
    out.active.push(s.active)
    out.idle.push(s.idle)
    out.waiting.push(s.waiting)
    out.max.push(s.max)
    out.min.push(s.min)
    out.pendingCreates.push(s.pendingCreates)
    out.acquires.push(s.acquires)
    out.timeouts.push(s.timeouts)
    out.leaks.push(s.leaks)
    out.waitP50Ms.push(s.waitP50Ms)
    out.waitP95Ms.push(s.waitP95Ms)
    out.waitP99Ms.push(s.waitP99Ms)
    out.latencyMs.push(p.latencyMs)
    out.latencyMinMs.push(p.latencyMinMs)
    out.latencyMaxMs.push(p.latencyMaxMs)
    out.level.push(p.level)
    out.samples.push(p.samples)
  }
  return out
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

export function buildMetricsSnapshot(input: JsonSnapshotInput): MetricsSnapshot {
  const snapshot: MetricsSnapshot = {
    format: METRICS_SNAPSHOT_FORMAT,
    formatVersion: METRICS_SNAPSHOT_VERSION,
    exportedAt: new Date(input.exportedAt).toISOString(),
    scope: input.scope,
    profiles: input.profiles.map((p) => ({
      id: p.profile.id,
      name: p.profile.name,
      settings: asRecord(withoutSecrets(p.profile)),
      state: withoutSecrets(p.state) ?? null,
      series: p.series.map(seriesColumns),
      events: asList(withoutSecrets(p.events)),
      alerts: asList(withoutSecrets(p.alerts)),
    })),
  }
  if (input.appVersion !== undefined) snapshot.appVersion = input.appVersion
  return snapshot
}

/**
 * The snapshot as file text: compact JSON with a final newline (indented, a day of series would
 * put every number on its own line and triple the size).
 */
export function metricsSnapshotJson(snapshot: MetricsSnapshot): string {
  return `${JSON.stringify(snapshot)}\n`
}
