/**
 * The fleet dashboard's arrangement as pure functions: each profile's sortable facts, the query
 * (sort, state, group, text), the groups of card ids it yields, and the fleet's summary line.
 */
import { isCriticalAlert } from '../../../../shared/alert-criticality'
import type { ConnectionState, ProfileSummary } from '../../../../shared/domain'
import { groupProfiles } from '../../lib/profile-groups'
import type { LifeguardState } from '../../stores/store'

export const sortKeys = ['name', 'state', 'latency', 'pool', 'alerts'] as const
export type SortKey = (typeof sortKeys)[number]

export const sortLabels: Record<SortKey, string> = {
  name: 'Name',
  state: 'State (problems first)',
  latency: 'Probe latency (slowest first)',
  pool: 'Pool use (fullest first)',
  alerts: 'Open alerts (most first)',
}

/** Sorts whose order moves with live figures (re-sorted on a slow beat, not on every sample). */
export const liveSorts: ReadonlySet<SortKey> = new Set(['latency', 'pool', 'alerts'])

export const stateFilters = ['all', 'connected', 'connecting', 'failed', 'disconnected'] as const
export type StateFilter = (typeof stateFilters)[number]

export const stateFilterLabels: Record<StateFilter, string> = {
  all: 'All states',
  connected: 'Connected',
  connecting: 'Connecting or retrying',
  failed: 'Failed',
  disconnected: 'Disconnected',
}

export interface DashboardQuery {
  sort: SortKey
  state: StateFilter
  /** null: every group; '' the profiles without a group. */
  group: string | null
  /** Matched against name, host, database and user (case-insensitive). */
  text: string
}

export const defaultQuery: DashboardQuery = { sort: 'name', state: 'all', group: null, text: '' }

export interface CardFacts {
  id: string
  name: string
  host: string
  database: string
  user: string
  group: string
  state: ConnectionState
  latencyMs: number | null
  /** Connections in use against the pool's max (0..1), null without a pool. */
  poolUse: number | null
  critical: number
  warning: number
}

function openAlerts(state: LifeguardState, id: string) {
  let critical = 0
  let warning = 0
  for (const a of state.alerts[id] ?? []) {
    if (a.resolvedAt !== null) continue
    if (a.severity === 'critical') critical++
    else warning++
  }
  return { critical, warning }
}

export function cardFacts(state: LifeguardState, profile: ProfileSummary): CardFacts {
  const status = state.statuses[profile.id]
  const pool = status?.state === 'connected' ? status.pool : null
  return {
    id: profile.id,
    name: profile.name,
    host: profile.host,
    database: profile.database,
    user: profile.user,
    group: profile.group.trim(),
    state: status?.state ?? 'disconnected',
    latencyMs: status?.state === 'connected' ? (status.health?.latencyMs ?? null) : null,
    poolUse: pool && pool.max > 0 ? pool.active / pool.max : null,
    ...openAlerts(state, profile.id),
  }
}

export function stateBucket(state: ConnectionState): Exclude<StateFilter, 'all'> {
  if (state === 'disconnecting') return 'connecting'
  return state
}

export function matchesQuery(facts: CardFacts, query: DashboardQuery): boolean {
  if (query.state !== 'all' && stateBucket(facts.state) !== query.state) return false
  if (query.group !== null && facts.group !== query.group) return false
  const text = query.text.trim().toLowerCase()
  if (text === '') return true
  return [facts.name, facts.host, facts.database, facts.user].some((v) =>
    v.toLowerCase().includes(text),
  )
}

const byName = (a: CardFacts, b: CardFacts) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Problems first: failed, retrying, in transition, connected, then disconnected. */
const stateRank: Record<ConnectionState, number> = {
  failed: 0,
  connecting: 1,
  disconnecting: 2,
  connected: 3,
  disconnected: 4,
}

/** Descending, with the unknown (null) last. */
function desc(a: number | null, b: number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return b - a
}

export function compareFacts(sort: SortKey): (a: CardFacts, b: CardFacts) => number {
  switch (sort) {
    case 'name':
      return byName
    case 'state':
      return (a, b) => stateRank[a.state] - stateRank[b.state] || byName(a, b)
    case 'latency':
      return (a, b) => desc(a.latencyMs, b.latencyMs) || byName(a, b)
    case 'pool':
      return (a, b) => desc(a.poolUse, b.poolUse) || byName(a, b)
    case 'alerts':
      return (a, b) => b.critical - a.critical || b.warning - a.warning || byName(a, b)
  }
}

export interface CardGroup {
  /** '' for the profiles without a group. */
  name: string
  ids: string[]
  /** Profiles in the group before filtering. */
  total: number
}

export interface Arrangement {
  groups: CardGroup[]
  /** Cards shown, over all groups. */
  shown: number
  total: number
}

/** Groups in the dashboard's order (named ones by name, then "No group"), each filtered and sorted. */
export function arrangeDashboard(state: LifeguardState, query: DashboardQuery): Arrangement {
  const compare = compareFacts(query.sort)
  const groups: CardGroup[] = []
  let shown = 0
  for (const group of groupProfiles(state.profiles)) {
    const facts = group.profiles
      .map((p) => cardFacts(state, p))
      .filter((f) => matchesQuery(f, query))
    facts.sort(compare)
    shown += facts.length
    if (facts.length > 0)
      groups.push({ name: group.name, ids: facts.map((f) => f.id), total: group.profiles.length })
  }
  return { groups, shown, total: state.profiles.length }
}

export function sameArrangement(a: Arrangement, b: Arrangement): boolean {
  if (a.shown !== b.shown || a.total !== b.total || a.groups.length !== b.groups.length)
    return false
  return a.groups.every((g, i) => {
    const h = b.groups[i]
    return (
      h !== undefined &&
      g.name === h.name &&
      g.total === h.total &&
      g.ids.length === h.ids.length &&
      g.ids.every((id, j) => id === h.ids[j])
    )
  })
}

export interface FleetSummary {
  profiles: number
  connected: number
  /** Failed, or retrying after an error. */
  failing: number
  /** Open critical alerts over every profile. */
  critical: number
}

export function fleetSummary(state: LifeguardState): FleetSummary {
  let connected = 0
  let failing = 0
  for (const p of state.profiles) {
    const s = state.statuses[p.id]
    if (s?.state === 'connected') connected++
    else if (s?.state === 'failed' || (s?.state === 'connecting' && s.error !== null)) failing++
  }
  return { profiles: state.profiles.length, connected, failing, critical: openCritical(state) }
}

/**
 * Open critical alerts over every profile (the header's badge and the page title): critical as
 * the notifications mean it (a leak whatever its severity; src/shared/alert-criticality.ts).
 */
export function openCritical(state: LifeguardState): number {
  let n = 0
  for (const list of Object.values(state.alerts)) for (const a of list) if (isCriticalAlert(a)) n++
  return n
}

/** The group names in use, for the group filter ('' = no group, listed last). */
export function groupOptions(profiles: readonly ProfileSummary[]): string[] {
  return groupProfiles(profiles).map((g) => g.name)
}
