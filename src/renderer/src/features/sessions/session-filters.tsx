/** The table's filters: state, user and application (menus of what the server shows), background. */
import type { FilterOption, FilterOptions, SessionFilter } from './session-table-model'
import { ALL, withSelected } from './session-table-model'
import { countText } from '../../lib/plural'

interface SessionFiltersProps {
  id: string
  filter: SessionFilter
  options: FilterOptions
  shown: number
  total: number
  onFilter(filter: SessionFilter): void
}

export function SessionFilters({
  id,
  filter,
  options,
  shown,
  total,
  onFilter,
}: SessionFiltersProps) {
  const active =
    filter.state !== ALL || filter.user !== ALL || filter.application !== ALL || filter.background
  return (
    <div className="session-filters" role="group" aria-label="Filter the sessions">
      <FilterSelect
        id={`${id}-state`}
        label="State"
        value={filter.state}
        options={withSelected(options.states, filter.state)}
        onChange={(state) => onFilter({ ...filter, state })}
      />
      <FilterSelect
        id={`${id}-user`}
        label="User"
        value={filter.user}
        options={withSelected(options.users, filter.user)}
        onChange={(user) => onFilter({ ...filter, user })}
      />
      <FilterSelect
        id={`${id}-application`}
        label="Application"
        value={filter.application}
        options={withSelected(options.applications, filter.application)}
        onChange={(application) => onFilter({ ...filter, application })}
      />
      <label className="check" htmlFor={`${id}-background`}>
        <input
          id={`${id}-background`}
          type="checkbox"
          checked={filter.background}
          onChange={(e) => onFilter({ ...filter, background: e.target.checked })}
        />
        Background processes
      </label>
      <span className="spacer" />
      <span className="muted num" data-testid="sessions-shown" aria-live="polite">
        {shown === total
          ? countText(total, 'session')
          : `${shown} of ${countText(total, 'session')}`}
      </span>
      {active && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => onFilter({ state: ALL, user: ALL, application: ALL, background: false })}
        >
          Clear filters
        </button>
      )}
    </div>
  )
}

interface FilterSelectProps {
  id: string
  label: string
  value: string
  options: FilterOption[]
  onChange(value: string): void
}

function FilterSelect({ id, label, value, options, onChange }: FilterSelectProps) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`filter-${label.toLowerCase()}`}
      >
        <option value={ALL}>All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </div>
  )
}
