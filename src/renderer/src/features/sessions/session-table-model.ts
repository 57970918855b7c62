/**
 * The sessions table's rules, as pure functions: which sessions a filter keeps, in which order a
 * column sorts them, and which values the filter menus offer. Values from the server are compared
 * as they are (never parsed, never trimmed); a missing value is its own choice, "(none)".
 */
import type { ServerSession } from '../../../../shared/sessions'
import { clientText } from '../../lib/session-labels'

export type SortKey =
  'pid' | 'user' | 'database' | 'application' | 'client' | 'state' | 'wait' | 'xactAge' | 'queryAge'

export type SortDirection = 'ascending' | 'descending'

export interface SortOrder {
  key: SortKey
  direction: SortDirection
}

/** The oldest open transactions first: what a DBA looks for. */
export const defaultSort: SortOrder = { key: 'xactAge', direction: 'descending' }

/** A filter menu's value: ALL, or one encoded server value (see optionValue). */
export type FilterValue = string

export const ALL: FilterValue = ''

export interface SessionFilter {
  state: FilterValue
  user: FilterValue
  application: FilterValue
  /** Show background processes (autovacuum, walwriter, ...) too; client sessions always show. */
  background: boolean
}

export const noFilter: SessionFilter = {
  state: ALL,
  user: ALL,
  application: ALL,
  background: false,
}

/**
 * A menu value for a server value. The prefix keeps every value apart from ALL ('') and from the
 * absent value, whatever the server sent (a user may well be called "" or "all").
 */
export function optionValue(value: string | null): FilterValue {
  return value === null ? '∅' : `=${value}`
}

/** The state a filter sees: the server's word, or "hidden" when the server hid it. */
export function stateKey(s: Pick<ServerSession, 'state' | 'queryHidden'>): string | null {
  return s.state ?? (s.queryHidden ? 'hidden' : null)
}

/** A row of the table: client sessions, and background processes when asked for. */
export function isShown(s: ServerSession, background: boolean): boolean {
  return background || s.client
}

export function filterSessions(
  sessions: readonly ServerSession[],
  filter: SessionFilter,
): ServerSession[] {
  return sessions.filter(
    (s) =>
      isShown(s, filter.background) &&
      (filter.state === ALL || optionValue(stateKey(s)) === filter.state) &&
      (filter.user === ALL || optionValue(s.user) === filter.user) &&
      (filter.application === ALL || optionValue(s.application) === filter.application),
  )
}

type Sortable = string | number | null

const sortValue: Record<SortKey, (s: ServerSession) => Sortable> = {
  pid: (s) => s.pid,
  user: (s) => s.user,
  database: (s) => s.database,
  application: (s) => s.application,
  client: (s) => (s.clientAddress === null && s.clientPort !== -1 ? null : clientText(s)),
  state: (s) => stateKey(s),
  wait: (s) => (s.waitEventType === null ? null : `${s.waitEventType}:${s.waitEvent ?? ''}`),
  xactAge: (s) => s.xactAgeMs,
  queryAge: (s) => s.queryAgeMs,
}

function compareValues(a: Sortable, b: Sortable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' })
}

/** Sorted by the column; missing values always last; ties by pid, so the order is stable. */
export function sortSessions(
  sessions: readonly ServerSession[],
  order: SortOrder,
): ServerSession[] {
  const value = sortValue[order.key]
  const sign = order.direction === 'ascending' ? 1 : -1
  return [...sessions].sort((x, y) => {
    const a = value(x)
    const b = value(y)
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1
    } else {
      const c = compareValues(a, b)
      if (c !== 0) return sign * c
    }
    return x.pid - y.pid
  })
}

/** A click on a column: the same column flips, another starts in its natural direction. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  const agesFirst = key === 'xactAge' || key === 'queryAge'
  return { key, direction: agesFirst ? 'descending' : 'ascending' }
}

export interface FilterOption {
  value: FilterValue
  label: string
  count: number
}

/** The distinct values of one field among the rows that can show, with how many have each. */
function optionsOf(
  sessions: readonly ServerSession[],
  pick: (s: ServerSession) => string | null,
  labelOf: (value: string | null) => string,
): FilterOption[] {
  const counts = new Map<string | null, number>()
  for (const s of sessions) counts.set(pick(s), (counts.get(pick(s)) ?? 0) + 1)
  return [...counts.entries()]
    .map(([v, count]) => ({ value: optionValue(v), label: labelOf(v), count, raw: v }))
    .sort((a, b) =>
      a.raw === null ? 1 : b.raw === null ? -1 : compareValues(a.raw, b.raw) || a.count - b.count,
    )
    .map(({ value, label, count }) => ({ value, label, count }))
}

const noneLabel = (v: string | null): string => (v === null ? '(none)' : v === '' ? '(empty)' : v)

export interface FilterOptions {
  states: FilterOption[]
  users: FilterOption[]
  applications: FilterOption[]
}

export function filterOptions(
  sessions: readonly ServerSession[],
  background: boolean,
): FilterOptions {
  const shown = sessions.filter((s) => isShown(s, background))
  return {
    states: optionsOf(shown, stateKey, noneLabel),
    users: optionsOf(shown, (s) => s.user, noneLabel),
    applications: optionsOf(shown, (s) => s.application, noneLabel),
  }
}

/**
 * A filter whose value no longer exists among the sessions is kept (the menu shows it with 0), so
 * a session that ends does not silently widen what the DBA asked to see.
 */
export function withSelected(options: FilterOption[], selected: FilterValue): FilterOption[] {
  if (selected === ALL || options.some((o) => o.value === selected)) return options
  const raw = selected === '∅' ? null : selected.slice(1)
  return [...options, { value: selected, label: noneLabel(raw), count: 0 }]
}
