/**
 * Health levels of a connected database from what a probe saw (latency, callers waiting for a pool
 * connection, server connections used), with hysteresis: a level must be seen on
 * `worseAfterProbes` probes in a row before the profile gets worse, and the better level on
 * `betterAfterProbes` probes in a row before it gets better, so one slow probe does not flip it.
 */
import type { HealthLevel } from '../../../shared/domain'
import type { HealthSettings } from './health-settings'

export interface ProbeObservation {
  latencyMs: number
  /** Callers waiting for a pool connection and the pool's max, when known. */
  pool: { waiting: number; max: number } | null
  /** Server connections in use and what the server allows non-superusers, when known. */
  server: { used: number; available: number } | null
}

export interface Assessment {
  level: HealthLevel
  reasons: string[]
}

const rank: Readonly<Record<HealthLevel, number>> = { healthy: 0, warning: 1, critical: 2 }

export function worse(a: HealthLevel, b: HealthLevel): HealthLevel {
  return rank[a] >= rank[b] ? a : b
}

const formatMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`

/** The level one probe alone suggests, and why. */
export function assess(seen: ProbeObservation, s: HealthSettings): Assessment {
  let level: HealthLevel = 'healthy'
  const reasons: string[] = []
  const note = (l: HealthLevel, why: string) => {
    level = worse(level, l)
    reasons.push(why)
  }
  if (seen.latencyMs >= s.latencyCriticalMs)
    note(
      'critical',
      `probe took ${formatMs(seen.latencyMs)} (critical at ${formatMs(s.latencyCriticalMs)})`,
    )
  else if (seen.latencyMs >= s.latencyWarningMs)
    note(
      'warning',
      `probe took ${formatMs(seen.latencyMs)} (warning at ${formatMs(s.latencyWarningMs)})`,
    )
  if (seen.pool && seen.pool.waiting >= s.waitingWarning) {
    const { waiting, max } = seen.pool
    const full = waiting >= max
    note(
      full ? 'critical' : 'warning',
      `${waiting} ${waiting === 1 ? 'caller is' : 'callers are'} waiting for a pool connection (pool max ${max})`,
    )
  }
  if (seen.server && seen.server.available > 0) {
    const share = seen.server.used / seen.server.available
    const text = `server connections at ${Math.round(share * 100)} % (${seen.server.used} of ${seen.server.available})`
    if (share >= s.saturationCritical) note('critical', text)
    else if (share >= s.saturationWarning) note('warning', text)
  }
  return { level, reasons }
}

export class LevelTracker {
  private current: Assessment = { level: 'healthy', reasons: [] }
  /** The direction of the probes in a row that disagree with the current level. */
  private pending: 'worse' | 'better' | undefined
  private streak = 0
  /** Of those probes, the latest at the level closest to the current one (how far all agree). */
  private mildest: Assessment | undefined

  constructor(private readonly settings: HealthSettings) {}

  get value(): Assessment {
    return this.current
  }

  /**
   * Feeds one probe's assessment; returns true if the level or its reasons changed. Probes in a
   * row count towards a move as long as they all lie on the same side of the current level (one
   * warning and one critical probe are two bad probes), and the move goes as far as all of them
   * agree: warning, critical moves a healthy profile to warning.
   */
  observe(next: Assessment): boolean {
    const before = this.current
    if (next.level === before.level) {
      this.pending = undefined
      this.streak = 0
      this.mildest = undefined
      this.current = next
      return !sameReasons(before.reasons, next.reasons)
    }
    const direction = rank[next.level] > rank[before.level] ? 'worse' : 'better'
    const distance = (a: Assessment) => Math.abs(rank[a.level] - rank[before.level])
    if (this.pending === direction) this.streak++
    else {
      this.pending = direction
      this.streak = 1
      this.mildest = next
    }
    if (this.mildest === undefined || distance(next) <= distance(this.mildest)) this.mildest = next
    const needed =
      direction === 'worse' ? this.settings.worseAfterProbes : this.settings.betterAfterProbes
    if (this.streak < needed) return false
    this.current = this.mildest
    this.pending = undefined
    this.streak = 0
    this.mildest = undefined
    return true
  }

  /** Sets the level at once (a state change decides it, not a probe). */
  force(level: HealthLevel, reasons: string[]): boolean {
    const changed = level !== this.current.level || !sameReasons(reasons, this.current.reasons)
    this.current = { level, reasons }
    this.pending = undefined
    this.streak = 0
    this.mildest = undefined
    return changed
  }
}

function sameReasons(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i])
}
