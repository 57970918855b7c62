/** The fleet in one line: profiles, connected, failing, open critical alerts (icons and words). */
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../stores/store'
import { fleetSummary } from './dashboard-model'
import { plural } from '../../lib/plural'

export function FleetSummaryLine() {
  const summary = useStore(useShallow(fleetSummary))
  return (
    <p className="fleet-summary num" data-testid="fleet-summary">
      <span data-testid="summary-profiles">
        <strong>{summary.profiles}</strong> {plural(summary.profiles, 'profile')}
      </span>
      <span className="fs-ok" data-testid="summary-connected">
        <span aria-hidden="true">● </span>
        <strong>{summary.connected}</strong> connected
      </span>
      <span className={summary.failing > 0 ? 'fs-bad' : undefined} data-testid="summary-failing">
        <span aria-hidden="true">✕ </span>
        <strong>{summary.failing}</strong> failing
      </span>
      <span className={summary.critical > 0 ? 'fs-bad' : undefined} data-testid="summary-critical">
        <span aria-hidden="true">‼ </span>
        <strong>{summary.critical}</strong> critical {plural(summary.critical, 'alert')}
      </span>
    </p>
  )
}
