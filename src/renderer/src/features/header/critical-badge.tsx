/**
 * Open critical alerts over every profile, in the header and in the page title ("(3) Lifeguard"),
 * so they are seen from another tab too. Icon, number and word; never colour alone.
 */
import { useEffect } from 'react'
import { openCritical } from '../dashboard/dashboard-model'
import { pageTitle } from '../notifications/notification-policy'
import { useStore } from '../../stores/store'
import { plural } from '../../lib/plural'

export function CriticalBadge() {
  const critical = useStore(openCritical)
  useEffect(() => {
    document.title = pageTitle(critical)
  }, [critical])
  if (critical === 0) return null
  return (
    <span
      className="critical-badge num"
      data-testid="critical-badge"
      data-count={critical}
      role="status"
    >
      <span aria-hidden="true">‼</span> {critical} critical {plural(critical, 'alert')}
    </span>
  )
}
