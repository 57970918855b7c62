/**
 * Keeps each profile's metrics history (fed with every pool-stats push, about once a second) and
 * its count of connection attempts, and builds the metrics exports of one profile or all
 * (issue 8, item 5): JSON (settings without secrets, state, series, events, alerts), CSV (one row per
 * sample) and Prometheus text (current values).
 */
import type { PoolStats, ProfileStatus, ProfileSummary } from '../../../shared/domain'
import type { EngineEvent } from '../../../shared/cockpit'
import type { SessionAlert } from '../../../shared/sessions'
import type { QueueStatus } from '../../../shared/queue'
import {
  buildMetricsSnapshot,
  metricsCsv,
  metricsExportFileName,
  metricsSnapshotJson,
  MetricsHistory,
  PROMETHEUS_CONTENT_TYPE,
  prometheusBucketBoundsMs,
  prometheusHealthFromStatus,
  prometheusText,
  type HistoryRange,
  type MetricsExportFormat,
  type PrometheusProfileInput,
} from '../metrics'
import type { PoolMetricsWithBuckets } from './profile-session'

/** What an export needs of one profile, gathered by the monitor. */
export interface ProfileForExport {
  profile: ProfileSummary
  status: ProfileStatus
  pool: PoolMetricsWithBuckets | null
  alerts: SessionAlert[]
  /** The profile's engine events, newest first (JSON export). */
  events: EngineEvent[]
  /** The profile's write-queue status (issue 5): the Prometheus lifeguard_queue_* and the JSON. */
  queue?: QueueStatus
}

export interface MetricsFile {
  fileName: string
  contentType: string
  content: string
}

export class MetricsRecorder {
  readonly history = new MetricsHistory()
  private readonly attempts = new Map<string, number>()

  record(profileId: string, stats: PoolStats, at: number, status: ProfileStatus | undefined): void {
    this.history.record(profileId, {
      at,
      stats,
      latencyMs: status?.health?.latencyMs ?? null,
      level: status?.health?.level ?? null,
    })
  }

  countAttempt(profileId: string): void {
    this.attempts.set(profileId, (this.attempts.get(profileId) ?? 0) + 1)
  }

  forget(profileId: string): void {
    this.history.forget(profileId)
    this.attempts.delete(profileId)
  }

  export(
    format: MetricsExportFormat,
    profiles: readonly ProfileForExport[],
    range: HistoryRange,
    now: number,
    scope: 'profile' | 'all',
  ): MetricsFile {
    const name = scope === 'profile' ? profiles[0]?.profile.name : undefined
    const fileName = metricsExportFileName(format, now, name)
    if (format === 'prometheus')
      return {
        fileName,
        contentType: PROMETHEUS_CONTENT_TYPE,
        content: prometheusText(profiles.map((p) => this.prometheusInput(p))),
      }
    if (format === 'csv')
      return {
        fileName,
        contentType: 'text/csv; charset=utf-8',
        content: metricsCsv(
          profiles.map((p) => ({
            profileId: p.profile.id,
            profileName: p.profile.name,
            series: this.history.query(p.profile.id, range, now),
          })),
        ),
      }
    const snapshot = buildMetricsSnapshot({
      exportedAt: now,
      scope,
      profiles: profiles.map((p) => ({
        profile: p.profile,
        state: p.queue ? { ...p.status, queue: p.queue } : p.status,
        series: [this.history.query(p.profile.id, range, now)],
        events: p.events,
        alerts: p.alerts,
      })),
    })
    return {
      fileName,
      contentType: 'application/json; charset=utf-8',
      content: metricsSnapshotJson(snapshot),
    }
  }

  private prometheusInput(p: ProfileForExport): PrometheusProfileInput {
    const pool = p.pool
    return {
      id: p.profile.id,
      name: p.profile.name,
      pool: pool
        ? {
            gauges: pool.snapshot.gauges,
            counters: pool.snapshot.counters,
            histograms: pool.buckets,
          }
        : null,
      health: prometheusHealthFromStatus(p.status, this.attempts.get(p.profile.id) ?? 0),
      queue: p.queue ?? null,
    }
  }
}

export { prometheusBucketBoundsMs }
