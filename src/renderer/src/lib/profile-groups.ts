/** Dashboard groups: profiles under their group's heading, the ungrouped ones last. */
import type { ProfileSummary } from '../../../shared/domain'

export interface ProfileGroup {
  /** '' for the profiles without a group. */
  name: string
  profiles: ProfileSummary[]
}

const byName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }) ||
  (a < b ? -1 : a > b ? 1 : 0)

/**
 * Named groups sorted by name (case-insensitively, numbers in order), then the ungrouped
 * profiles. Within a group, profiles keep main's order. Group names are compared exactly (after
 * trimming): "Prod" and "prod" are two groups, as the user wrote them.
 */
export function groupProfiles(profiles: readonly ProfileSummary[]): ProfileGroup[] {
  const groups = new Map<string, ProfileSummary[]>()
  for (const p of profiles) {
    const name = p.group.trim()
    const list = groups.get(name)
    if (list) list.push(p)
    else groups.set(name, [p])
  }
  const named = [...groups.keys()].filter((n) => n !== '').sort(byName)
  const result = named.map((name) => ({ name, profiles: groups.get(name) ?? [] }))
  const ungrouped = groups.get('')
  if (ungrouped) result.push({ name: '', profiles: ungrouped })
  return result
}

/** The distinct group names in use, sorted: suggestions for the form's Group field. */
export function groupNames(profiles: readonly ProfileSummary[]): string[] {
  return [...new Set(profiles.map((p) => p.group.trim()).filter((g) => g !== ''))].sort(byName)
}
