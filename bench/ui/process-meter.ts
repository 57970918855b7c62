/**
 * CPU and memory over measured windows: the browser-mode server (the "main" process the targets
 * are about), and for context the PostgreSQL server's process tree, Chromium's process tree and
 * this bench process. VmRSS of main is polled every 250 ms (for peaks); CPU is read at marks, and
 * a window is the span between two marks (windows may overlap: a phase and the whole run).
 */
import os from 'node:os'
import {
  cpuSeconds,
  loadAverage,
  machineShare,
  machineTimes,
  rssMb,
  treeCpuSeconds,
  type MachineTimes,
} from './proc-stats'

export interface WatchedPids {
  main: number
  /** The postmaster (its backends are its children). */
  postgres: () => number | undefined
  /** Chromium's browser process (renderers, GPU and utility processes are its descendants). */
  chromium: () => number | undefined
}

/** The readings taken at one moment. */
export interface Mark {
  at: number
  main: number | null
  postgres: number | null
  chromium: number | null
  self: number
  machine: MachineTimes | undefined
  loadavg: [number, number, number]
}

export interface WindowFigures {
  seconds: number
  /** CPU of the browser-mode server, % of one core. */
  main_cpu_pct: number | null
  main_rss_mb_peak: number | null
  main_rss_mb_end: number | null
  /** Context: the PostgreSQL server's processes, Chromium's processes, this bench (% of one core). */
  postgres_cpu_pct: number | null
  chromium_cpu_pct: number | null
  bench_cpu_pct: number | null
  /** Hypervisor steal and machine-wide busy time over the window, % of all CPUs. */
  steal_pct: number | null
  machine_busy_pct: number | null
  /** Busy time of every other process on the machine (not main, PostgreSQL, Chromium, the bench), % of all CPUs. */
  other_cpu_pct: number | null
  /** 1-minute load average at the window's end. */
  loadavg_1m: number
}

const pct = (from: number | null, to: number | null, seconds: number): number | null =>
  from === null || to === null || seconds <= 0 ? null : (100 * (to - from)) / seconds

const selfCpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

export class ProcessMeter {
  private readonly rss: { at: number; mb: number }[] = []
  private readonly timer: NodeJS.Timeout

  constructor(private readonly pids: WatchedPids) {
    this.pollRss()
    this.timer = setInterval(() => this.pollRss(), 250)
  }

  mark(): Mark {
    this.pollRss()
    const pg = this.pids.postgres()
    const chrome = this.pids.chromium()
    return {
      at: performance.now(),
      main: cpuSeconds(this.pids.main),
      postgres: pg === undefined ? null : treeCpuSeconds(pg),
      chromium: chrome === undefined ? null : treeCpuSeconds(chrome),
      self: selfCpu(),
      machine: machineTimes(),
      loadavg: loadAverage(),
    }
  }

  between(from: Mark, to: Mark): WindowFigures {
    const seconds = (to.at - from.at) / 1000
    const share = machineShare(from.machine, to.machine)
    let peak: number | null = null
    let end: number | null = null
    for (const r of this.rss) {
      if (r.at < from.at || r.at > to.at) continue
      if (peak === null || r.mb > peak) peak = r.mb
      end = r.mb
    }
    const ours = [
      pct(from.main, to.main, seconds),
      pct(from.postgres, to.postgres, seconds),
      pct(from.chromium, to.chromium, seconds),
      pct(from.self, to.self, seconds),
    ].reduce<number>((sum, v) => sum + (v ?? 0), 0)
    const cpus = os.cpus().length
    return {
      seconds,
      other_cpu_pct:
        share.busyPct === null ? null : Math.max(0, share.busyPct - ours / Math.max(1, cpus)),
      main_cpu_pct: pct(from.main, to.main, seconds),
      main_rss_mb_peak: peak,
      main_rss_mb_end: end,
      postgres_cpu_pct: pct(from.postgres, to.postgres, seconds),
      chromium_cpu_pct: pct(from.chromium, to.chromium, seconds),
      bench_cpu_pct: pct(from.self, to.self, seconds),
      steal_pct: share.stealPct,
      machine_busy_pct: share.busyPct,
      loadavg_1m: to.loadavg[0],
    }
  }

  /** VmRSS of main every `everyS` seconds between two marks (MiB), to see whether it levels off. */
  rssTrend(from: Mark, to: Mark, everyS = 10): number[] {
    const out: number[] = []
    let next = from.at
    for (const r of this.rss) {
      if (r.at < next || r.at > to.at) continue
      out.push(Math.round(r.mb))
      next = r.at + everyS * 1000
    }
    return out
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private pollRss(): void {
    const mb = rssMb(this.pids.main)
    if (mb !== null) this.rss.push({ at: performance.now(), mb })
  }
}
