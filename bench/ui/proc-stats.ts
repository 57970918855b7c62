/**
 * What the kernel knows about the processes the bench watches: CPU time (user + system jiffies
 * from /proc/PID/stat, whole process tree where asked), resident memory (VmRSS from
 * /proc/PID/status), and the machine's hypervisor steal and load average. Linux only; a value that
 * cannot be read is null, never a guess.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

let ticks: number | undefined

/** Jiffies per second (getconf CLK_TCK; 100 on every Linux this runs on, read anyway). */
export function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      ticks = 100
    }
  }
  return ticks
}

interface ProcStat {
  ppid: number
  jiffies: number
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(f[1]), jiffies: Number(f[11]) + Number(f[12]) }
  } catch {
    return undefined
  }
}

/** user + system CPU seconds of one process, or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  const stat = readStat(pid)
  return stat ? stat.jiffies / clockTicks() : null
}

/** Every live process, with its parent (one pass over /proc). */
function allProcesses(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>()
  for (const name of fs.readdirSync('/proc')) {
    const c = name.charCodeAt(0)
    if (c < 48 || c > 57) continue
    const stat = readStat(Number(name))
    if (stat) out.set(Number(name), stat)
  }
  return out
}

/**
 * CPU seconds of a process and all its live descendants. Children that exited meanwhile are not
 * counted (the kernel folds them into cutime of a parent that waited for them; that part is added
 * through the root's own cutime/cstime only if it reaped them, which postmaster and Chromium do).
 */
export function treeCpuSeconds(root: number): number | null {
  const procs = allProcesses()
  if (!procs.has(root)) return null
  const children = new Map<number, number[]>()
  for (const [pid, p] of procs) {
    const list = children.get(p.ppid)
    if (list) list.push(pid)
    else children.set(p.ppid, [pid])
  }
  let sum = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop()!
    sum += procs.get(pid)?.jiffies ?? 0
    for (const child of children.get(pid) ?? []) stack.push(child)
  }
  return sum / clockTicks()
}

/** VmRSS in MiB, or null once the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(text)
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

export interface MachineTimes {
  steal: number
  total: number
  busy: number
}

/** Machine-wide CPU jiffies (/proc/stat's first line), or undefined where unreadable. */
export function machineTimes(): MachineTimes | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    const f = line.trim().split(/\s+/).slice(1).map(Number)
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0)
    const steal = f[7] ?? 0
    return { steal, total, busy: total - (f[3] ?? 0) - (f[4] ?? 0) - steal }
  } catch {
    return undefined
  }
}

/** Hypervisor steal and all-CPU busy share between two readings (percent of all CPUs), or null. */
export function machineShare(
  from: MachineTimes | undefined,
  to: MachineTimes | undefined,
): { stealPct: number | null; busyPct: number | null } {
  if (!from || !to || to.total <= from.total) return { stealPct: null, busyPct: null }
  const total = to.total - from.total
  return {
    stealPct: (100 * (to.steal - from.steal)) / total,
    busyPct: (100 * (to.busy - from.busy)) / total,
  }
}

export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = os.loadavg()
  return [a, b, c]
}
