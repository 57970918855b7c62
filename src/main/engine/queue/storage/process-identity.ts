/**
 * Who holds a lock, precisely enough to tell a live holder from a stale one: the pid, the process's
 * start time (field 22 of /proc/<pid>/stat, in clock ticks since boot, so a reused pid does not
 * look like the old holder) and the boot id (a pid from before a reboot is never alive). Where
 * /proc does not exist, only the pid is known and checked.
 */
import fs from 'node:fs'
import os from 'node:os'

export interface ProcessIdentity {
  pid: number
  /** Start time in clock ticks since boot; null where /proc is not available. */
  startTicks: string | null
  bootId: string | null
  hostname: string
}

interface ProcStat {
  /** R, S, D, Z, T, X, ... */
  state: string
  startTicks: string
}

export function readProcStat(pid: number): ProcStat | null {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const state = fields[0]
  const startTicks = fields[19]
  if (state === undefined || startTicks === undefined) return null
  return { state, startTicks }
}

function readBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
  } catch {
    return null
  }
}

export function currentProcessIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    startTicks: readProcStat(process.pid)?.startTicks ?? null,
    bootId: readBootId(),
    hostname: os.hostname(),
  }
}

/**
 * Whether the process `holder` describes may still be running, seen from `self`. A holder on
 * another host cannot be checked and counts as alive.
 */
export function isHolderAlive(holder: ProcessIdentity, self: ProcessIdentity): boolean {
  if (holder.hostname !== self.hostname) return true
  // kill(0 or negative) would signal a process group.
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return false
  if (holder.bootId && self.bootId && holder.bootId !== self.bootId) return false
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: it exists, as another user's process.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  if (self.startTicks === null) return true
  const stat = readProcStat(holder.pid)
  if (!stat) return false
  // A zombie (killed, not yet reaped by its parent) holds nothing any more.
  if (stat.state === 'Z' || stat.state === 'X') return false
  return holder.startTicks === null || stat.startTicks === holder.startTicks
}
