/** Timing, CPU, hypervisor steal and small statistics. */
import fs from 'node:fs'

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value
  const f = 10 ** digits
  return Math.round(value * f) / f
}

interface CpuTimes {
  steal: number
  busy: number
  total: number
}

/** Machine-wide CPU jiffies from /proc/stat; undefined where it cannot be read. */
function readCpuTimes(): CpuTimes | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    const f = line.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0)
    const steal = f[7] ?? 0
    return { steal, busy: total - (f[3] ?? 0) - (f[4] ?? 0) - steal, total }
  } catch {
    return undefined
  }
}

/** user + system jiffies of one process from /proc/PID/stat, and its parent pid. */
function readProcess(pid: number | 'self'): { ppid: number; jiffies: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(f[1]), jiffies: Number(f[11]) + Number(f[12]) }
  } catch {
    return undefined
  }
}

let serverPid: () => number | undefined = () => undefined

/** CPU of this process tree (the server's postmaster) counts as the bench's own, not as interference. */
export function countServerAsOurs(postmasterPid: () => number | undefined): void {
  serverPid = postmasterPid
}

/** Jiffies of this process plus the server's postmaster and its children. */
function ownJiffies(): number {
  let sum = readProcess('self')?.jiffies ?? 0
  const root = serverPid()
  if (root === undefined) return sum
  sum += readProcess(root)?.jiffies ?? 0
  for (const name of fs.readdirSync('/proc')) {
    const c = name.charCodeAt(0)
    if (c < 48 || c > 57) continue
    const p = readProcess(Number(name))
    if (p && p.ppid === root) sum += p.jiffies
  }
  return sum
}

export interface Measured {
  elapsedMs: number
  /** CPU of this process (user + system), in microseconds. */
  cpuUs: number
  /** Hypervisor steal, % of all CPUs' time. */
  stealPct: number | null
  /** CPU used by everything else on the machine (not this process, not the server), % of all CPUs. */
  otherPct: number | null
}

/**
 * Wall time, this process's CPU, and what else took the machine's CPUs over one measured
 * interval. The /proc reads happen outside the timed window.
 */
export class Meter {
  private readonly stat0 = readCpuTimes()
  private readonly own0 = ownJiffies()
  private readonly t0 = performance.now()
  private readonly cpu0 = process.cpuUsage()

  stop(): Measured {
    const elapsedMs = performance.now() - this.t0
    const cpu = process.cpuUsage(this.cpu0)
    const own1 = ownJiffies()
    const stat1 = readCpuTimes()
    let stealPct: number | null = null
    let otherPct: number | null = null
    if (this.stat0 && stat1 && stat1.total > this.stat0.total) {
      const total = stat1.total - this.stat0.total
      stealPct = (100 * (stat1.steal - this.stat0.steal)) / total
      const other = stat1.busy - this.stat0.busy - (own1 - this.own0)
      otherPct = Math.max(0, (100 * other) / total)
    }
    return { elapsedMs, cpuUs: cpu.user + cpu.system, stealPct, otherPct }
  }
}

/** Collects garbage between runs when node runs with --expose-gc, so one run's garbage is not another's cost. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
