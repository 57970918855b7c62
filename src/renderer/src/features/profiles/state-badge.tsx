import type { ConnectionState } from '../../../../shared/domain'
import { connectionStateLabels } from '../../lib/connection-state'

/** State as icon and words (colour is only a third cue). */
export function StateBadge({ state }: { state: ConnectionState }) {
  const label = connectionStateLabels[state]
  return (
    <span className={`state-badge state-${state}`}>
      <span className="state-icon" aria-hidden="true">
        {label.icon}
      </span>
      <span data-testid="state">{label.text}</span>
    </span>
  )
}
