/** The last line: the figures the targets are about, the targets, and whether each is met. */
import type { PhaseLine } from './figures'

export const TARGETS = {
  frame_p95_ms_max: 20,
  long_tasks_over_100ms_max: 0,
  main_cpu_pct_max: 25,
  main_rss_mb_max: 400,
  ws_kb_per_s_max: 200,
} as const

const within = (value: number | null, max: number) => value !== null && value <= max

export function summarize(
  phases: { dashboard: PhaseLine; profile: PhaseLine; overall: PhaseLine },
  /** Main's VmRSS once its metrics history is full (rss-outlook.ts), an upper bound. */
  rssFullHistoryMb: number | null,
) {
  const { dashboard, profile, overall } = phases
  const frameP95 = {
    dashboard: dashboard.frame_p95_ms,
    profile: profile.frame_p95_ms,
    overall: overall.frame_p95_ms,
  }
  const longTasks = dashboard.long_tasks_over_100ms + profile.long_tasks_over_100ms
  const rssPeak = overall.main_rss_mb_peak
  // Payload or wire, whichever is larger: with compression off the wire carries frame headers too,
  // with it on the payload is the larger.
  const wsWorst = Math.max(overall.ws_kb_per_s, overall.ws_wire_kb_per_s ?? 0)
  const pass = {
    frame_p95_ms: Object.values(frameP95).every((v) => within(v, TARGETS.frame_p95_ms_max)),
    long_tasks_over_100ms: longTasks <= TARGETS.long_tasks_over_100ms_max,
    main_cpu_pct: within(overall.main_cpu_pct, TARGETS.main_cpu_pct_max),
    main_rss_mb: within(rssPeak, TARGETS.main_rss_mb_max),
    main_rss_mb_full_history: within(rssFullHistoryMb, TARGETS.main_rss_mb_max),
    ws_kb_per_s: within(wsWorst, TARGETS.ws_kb_per_s_max),
  }
  return {
    frame_p95_ms: frameP95,
    long_tasks_over_100ms: longTasks,
    longest_task_ms: Math.max(dashboard.longest_task_ms, profile.longest_task_ms),
    main_cpu_pct: {
      overall: overall.main_cpu_pct,
      dashboard: dashboard.main_cpu_pct,
      profile: profile.main_cpu_pct,
    },
    main_rss_mb: {
      peak: rssPeak,
      end: overall.main_rss_mb_end,
      full_history_upper_bound: rssFullHistoryMb === null ? null : Math.round(rssFullHistoryMb),
    },
    ws_kb_per_s: {
      payload: overall.ws_kb_per_s,
      wire: overall.ws_wire_kb_per_s,
      page_counted_kchars: overall.ws_page_kchars_per_s,
    },
    targets: TARGETS,
    pass: { ...pass, all: Object.values(pass).every(Boolean) },
  }
}
