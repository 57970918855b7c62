import type { PoolStats } from '../../../shared/domain'

/** Active, then idle, against the pool's maximum size; the free rest is the track. */
export function PoolGauge({ stats }: { stats: PoolStats }) {
  const capacity = Math.max(stats.max, stats.total, 1)
  const share = (n: number) => `${Math.min(100, (Math.max(0, n) / capacity) * 100)}%`
  const free = Math.max(0, stats.max - stats.total)
  const label =
    stats.max > 0
      ? `Pool usage: ${stats.active} active, ${stats.idle} idle, ${free} free of ${stats.max}`
      : 'Pool usage: no pool'
  return (
    <div className="gauge" role="img" aria-label={label}>
      <div className="gauge-segment gauge-active" style={{ width: share(stats.active) }} />
      <div className="gauge-segment gauge-idle" style={{ width: share(stats.idle) }} />
    </div>
  )
}
