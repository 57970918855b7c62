import type { PoolStats } from '../../../../shared/domain'

const integer = new Intl.NumberFormat('en-US')

/** A wait in ms: two decimals below 10 ms. */
export function waitText(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : Math.round(ms)} ms`
}

/** The pool engine's own figures since connect: sizing, opening, counters and wait percentiles. */
export function PoolDetails({ stats }: { stats: PoolStats }) {
  return (
    <p className="pool-details">
      <span className="visually-hidden">Since connect: </span>
      <span data-testid="pool-min">min {stats.min}</span>
      <span data-testid="pool-opening">opening {stats.pendingCreates}</span>
      <span data-testid="pool-acquires">{integer.format(stats.acquires)} acquires</span>
      <span data-testid="pool-timeouts" className={stats.timeouts > 0 ? 'figure-alert' : undefined}>
        {stats.timeouts > 0 ? '⚠ ' : ''}
        {integer.format(stats.timeouts)} timeouts
      </span>
      <span data-testid="pool-leaks" className={stats.leaks > 0 ? 'figure-alert' : undefined}>
        {stats.leaks > 0 ? '⚠ ' : ''}
        {integer.format(stats.leaks)} leaks
      </span>
      <span data-testid="pool-wait-p50">wait p50 {waitText(stats.waitP50Ms)}</span>
      <span data-testid="pool-wait-p95">p95 {waitText(stats.waitP95Ms)}</span>
      <span data-testid="pool-wait-p99">p99 {waitText(stats.waitP99Ms)}</span>
    </p>
  )
}
