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
