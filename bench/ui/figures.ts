/**
 * One measured window as a result line: frames and long tasks from the page, WebSocket traffic
 * (payload bytes from DevTools, characters counted in the page, wire bytes from the kernel) and the
 * processes' CPU and memory.
 */
import { percentile, round } from '../lib/measure'
import type { WindowFigures } from './process-meter'
import type { PageWindow } from './page-meter'
import type { ChannelTally } from './ws-tap'

/** A long task longer than this counts against the target. */
export const LONG_TASK_MS = 100

export interface TrafficFigures {
  /** UTF-8 payload bytes of the frames the page received (DevTools). */
  payloadBytes: number
  frames: number
  /** Bytes the server's sockets sent (kernel TCP counters), or null without `ss`. */
  wireBytes: number | null
  channels: Record<string, ChannelTally>
}

export interface PhaseLine {
  bench: 'ui'
  phase: string
  seconds: number
  frames: number
  frame_p50_ms: number
  frame_p95_ms: number
  frame_p99_ms: number
  frame_max_ms: number
  long_tasks: number
  long_tasks_over_100ms: number
  longest_task_ms: number
  /** Payload bytes a second the page received on its WebSocket (KiB/s). */
  ws_kb_per_s: number
  /** Bytes a second that crossed the loopback for it (frame headers included), KiB/s. */
  ws_wire_kb_per_s: number | null
  /** Characters a second counted by the page's own WebSocket wrapper (cross-check), KiB/s. */
  ws_page_kchars_per_s: number
  ws_frames_per_s: number
  ws_channels: Record<string, { events_per_s: number; kb_per_s: number }>
  main_cpu_pct: number | null
  main_rss_mb_peak: number | null
  main_rss_mb_end: number | null
  postgres_cpu_pct: number | null
  chromium_cpu_pct: number | null
  bench_cpu_pct: number | null
  steal_pct: number | null
  machine_busy_pct: number | null
  other_cpu_pct: number | null
  loadavg_1m: number
}

const r1 = (v: number | null) => (v === null ? null : round(v, 1))

export function phaseLine(
  phase: string,
  page: PageWindow,
  traffic: TrafficFigures,
  procs: WindowFigures,
): PhaseLine {
  const seconds = procs.seconds
  const sorted = Float64Array.from(page.frames).sort()
  const long = page.longTasks.map(([, d]) => d)
  const kb = (bytes: number) => round(bytes / 1024 / seconds, 2)
  const channels: PhaseLine['ws_channels'] = {}
  for (const [name, t] of Object.entries(traffic.channels).sort((a, b) => b[1].bytes - a[1].bytes))
    channels[name] = { events_per_s: round(t.events / seconds, 1), kb_per_s: kb(t.bytes) }
  return {
    bench: 'ui',
    phase,
    seconds: round(seconds, 1),
    frames: sorted.length,
    frame_p50_ms: round(percentile(sorted, 50), 1),
    frame_p95_ms: round(percentile(sorted, 95), 1),
    frame_p99_ms: round(percentile(sorted, 99), 1),
    frame_max_ms: round(sorted.length ? sorted[sorted.length - 1]! : NaN, 1),
    long_tasks: long.length,
    long_tasks_over_100ms: long.filter((d) => d > LONG_TASK_MS).length,
    longest_task_ms: Math.round(Math.max(0, ...long)),
    ws_kb_per_s: kb(traffic.payloadBytes),
    ws_wire_kb_per_s: traffic.wireBytes === null ? null : kb(traffic.wireBytes),
    ws_page_kchars_per_s: kb(page.wsChars),
    ws_frames_per_s: round(traffic.frames / seconds, 1),
    ws_channels: channels,
    main_cpu_pct: r1(procs.main_cpu_pct),
    main_rss_mb_peak: r1(procs.main_rss_mb_peak),
    main_rss_mb_end: r1(procs.main_rss_mb_end),
    postgres_cpu_pct: r1(procs.postgres_cpu_pct),
    chromium_cpu_pct: r1(procs.chromium_cpu_pct),
    bench_cpu_pct: r1(procs.bench_cpu_pct),
    steal_pct: r1(procs.steal_pct),
    machine_busy_pct: r1(procs.machine_busy_pct),
    other_cpu_pct: r1(procs.other_cpu_pct),
    loadavg_1m: round(procs.loadavg_1m, 2),
  }
}
