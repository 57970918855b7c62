/**
 * The fleet dashboard: the summary line, sort and filters, and one compact card per profile
 * under its group's heading. The grid re-renders only when the arrangement (which cards, in
 * which order) changes; each card follows its own profile's figures.
 */
import { useMemo, useState, useSyncExternalStore } from 'react'
import { browserTimers } from '../../lib/second-ticker'
import { selectors, useStore } from '../../stores/store'
import { EmptyState } from '../empty-state/empty-state'
import { DashboardArranger } from './dashboard-arranger'
import { defaultQuery, groupOptions, type CardGroup, type DashboardQuery } from './dashboard-model'
import { DashboardToolbar } from './dashboard-toolbar'
import { FleetCard } from './fleet-card'
import { FleetSummaryLine } from './fleet-summary'
import { plural } from '../../lib/plural'

export function Dashboard() {
  const count = useStore(selectors.profiles.count)
  if (count === 0) return <EmptyState />
  return <FleetDashboard />
}

function FleetDashboard() {
  const [query, setQuery] = useState<DashboardQuery>(defaultQuery)
  const profiles = useStore(selectors.profiles.profiles)
  const groups = useMemo(() => groupOptions(profiles), [profiles])
  const arranger = useMemo(() => new DashboardArranger(useStore, query, browserTimers), [query])
  const arrangement = useSyncExternalStore(arranger.subscribe, arranger.getSnapshot)
  const grouped = arrangement.groups.some((g) => g.name !== '')
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <div className="section-bar">
        <h2 id="profiles-title">Fleet</h2>
        <FleetSummaryLine />
      </div>
      <DashboardToolbar
        query={query}
        groups={groups}
        shown={arrangement.shown}
        total={arrangement.total}
        onChange={setQuery}
      />
      {arrangement.shown === 0 ? (
        <p className="muted dash-none" data-testid="dashboard-none">
          No profile matches these filters.
        </p>
      ) : grouped ? (
        arrangement.groups.map((group) => (
          <GroupSection key={group.name || '\u0000'} group={group} />
        ))
      ) : (
        <CardGrid ids={arrangement.groups.flatMap((g) => g.ids)} />
      )}
    </section>
  )
}

function GroupSection({ group }: { group: CardGroup }) {
  const title = group.name || 'No group'
  const n = group.ids.length
  return (
    <section
      className={`profile-group${group.name ? '' : ' profile-group-none'}`}
      data-testid="profile-group"
      data-group={group.name}
      aria-label={`${title}: ${n} ${plural(n, 'profile')}`}
    >
      <h3 className="group-heading">
        <span className="group-name">{title}</span>
        <span className="group-count num">{n === group.total ? n : `${n} of ${group.total}`}</span>
      </h3>
      <CardGrid ids={group.ids} headingLevel={4} />
    </section>
  )
}

function CardGrid({ ids, headingLevel = 3 }: { ids: string[]; headingLevel?: 3 | 4 }) {
  return (
    <div className="card-grid fleet-grid">
      {ids.map((id) => (
        <FleetCard key={id} id={id} headingLevel={headingLevel} />
      ))}
    </div>
  )
}
