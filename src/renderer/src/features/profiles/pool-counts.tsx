import type { PoolStats } from '../../../../shared/domain'
import { formatMs } from '../../lib/format'
import { countText } from '../../lib/plural'

const integer = new Intl.NumberFormat('en-US')
const counted = (n: number, word: string) => countText(n, word, undefined, integer.format)

/**
 * The pool engine's own figures: sizing and opening now, counters since connect, and the wait
 * percentiles of the last 10 s (PoolStats' window).
 */
export function PoolDetails({ stats }: { stats: PoolStats }) {
  return (
    <p className="pool-details">
      <span data-testid="pool-min">min {stats.min}</span>
      <span data-testid="pool-opening">opening {stats.pendingCreates}</span>
      <span className="visually-hidden">Since connect: </span>
      <span data-testid="pool-acquires">{counted(stats.acquires, 'acquire')}</span>
      <span data-testid="pool-timeouts" className={stats.timeouts > 0 ? 'figure-alert' : undefined}>
        {stats.timeouts > 0 ? '⚠ ' : ''}
        {counted(stats.timeouts, 'timeout')}
      </span>
      <span data-testid="pool-leaks" className={stats.leaks > 0 ? 'figure-alert' : undefined}>
        {stats.leaks > 0 ? '⚠ ' : ''}
        {counted(stats.leaks, 'leak')}
      </span>
      <span data-testid="pool-wait-p50" title="Acquire wait over the last 10 s">
        wait (last 10 s) p50 {formatMs(stats.waitP50Ms)}
      </span>
      <span data-testid="pool-wait-p95">p95 {formatMs(stats.waitP95Ms)}</span>
      <span data-testid="pool-wait-p99">p99 {formatMs(stats.waitP99Ms)}</span>
    </p>
  )
}
