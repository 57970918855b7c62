/** Sort and filters of the fleet dashboard (state, group, text), and how many cards they show. */
import { useId } from 'react'
import {
  sortKeys,
  sortLabels,
  stateFilterLabels,
  stateFilters,
  type DashboardQuery,
  type SortKey,
  type StateFilter,
} from './dashboard-model'
import { plural } from '../../lib/plural'

interface DashboardToolbarProps {
  query: DashboardQuery
  groups: string[]
  shown: number
  total: number
  onChange(query: DashboardQuery): void
}

/** The value the group select uses for "every group" (a real group may be named anything else). */
const ALL_GROUPS = '\u0000all'

export const FILTER_INPUT_ID = 'dashboard-filter'

export function DashboardToolbar({ query, groups, shown, total, onChange }: DashboardToolbarProps) {
  const id = useId()
  const filtered = query.state !== 'all' || query.group !== null || query.text.trim() !== ''
  return (
    <div className="dash-toolbar" role="search" aria-label="Sort and filter profiles">
      <div className="dash-field dash-text">
        <label htmlFor={FILTER_INPUT_ID}>Filter</label>
        <input
          id={FILTER_INPUT_ID}
          type="search"
          placeholder="Name or host  ( / )"
          value={query.text}
          onChange={(e) => onChange({ ...query, text: e.target.value })}
        />
      </div>
      <div className="dash-field">
        <label htmlFor={`${id}-state`}>State</label>
        <select
          id={`${id}-state`}
          value={query.state}
          onChange={(e) => onChange({ ...query, state: e.target.value as StateFilter })}
        >
          {stateFilters.map((s) => (
            <option key={s} value={s}>
              {stateFilterLabels[s]}
            </option>
          ))}
        </select>
      </div>
      {groups.length > 1 && (
        <div className="dash-field">
          <label htmlFor={`${id}-group`}>Group</label>
          <select
            id={`${id}-group`}
            value={query.group ?? ALL_GROUPS}
            onChange={(e) =>
              onChange({ ...query, group: e.target.value === ALL_GROUPS ? null : e.target.value })
            }
          >
            <option value={ALL_GROUPS}>All groups</option>
            {groups.map((g) => (
              <option key={g || '\u0000none'} value={g}>
                {g || 'No group'}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="dash-field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          value={query.sort}
          onChange={(e) => onChange({ ...query, sort: e.target.value as SortKey })}
        >
          {sortKeys.map((k) => (
            <option key={k} value={k}>
              {sortLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <span className="spacer" />
      <span className="muted num dash-shown" data-testid="dashboard-shown" aria-live="polite">
        {filtered ? `${shown} of ${total} shown` : `${total} ${plural(total, 'profile')}`}
      </span>
      {filtered && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange({ ...query, state: 'all', group: null, text: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  )
}
