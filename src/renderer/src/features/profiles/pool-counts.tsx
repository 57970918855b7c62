import type { PoolStats } from '../../../../shared/domain'

const cells = [
  { key: 'total', label: 'Total', title: 'Connections the pool holds' },
  { key: 'active', label: 'Active', title: 'Checked out, in use' },
  { key: 'idle', label: 'Idle', title: 'Open, ready for the next request' },
  { key: 'waiting', label: 'Waiting', title: 'Requests queued for a connection' },
] as const

/** The pool's figures; each value element holds just the integer (tests read it). */
export function PoolCounts({ stats, live }: { stats: PoolStats; live: boolean }) {
  return (
    <dl className={`counts${live ? '' : ' counts-idle'}`} aria-label="Pool connections">
      {cells.map((cell) => (
        <div
          key={cell.key}
          className={`count count-${cell.key}${cell.key === 'waiting' && stats.waiting > 0 ? ' count-alert' : ''}`}
          title={cell.title}
        >
          <dt>{cell.label}</dt>
          <dd data-testid={`count-${cell.key}`}>{stats[cell.key]}</dd>
        </div>
      ))}
      <div className="count count-max" title="Largest size the pool may grow to">
        <dt>Max</dt>
        <dd data-testid="count-max">{stats.max > 0 ? stats.max : '–'}</dd>
      </div>
    </dl>
  )
}

const integer = new Intl.NumberFormat('en-US')

/** The pool engine's own figures since connect: sizing, opening, counters and wait p99. */
export function PoolDetails({ stats }: { stats: PoolStats }) {
  const wait = stats.waitP99Ms < 10 ? stats.waitP99Ms.toFixed(2) : Math.round(stats.waitP99Ms)
  return (
    <p className="pool-details" aria-label="Pool engine figures since connect">
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
      <span data-testid="pool-wait-p99">wait p99 {wait} ms</span>
    </p>
  )
}
