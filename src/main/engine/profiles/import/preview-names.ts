/**
 * Profile names for an import: a name already used (by a saved profile or an earlier row of the
 * same import) gets " (2)", " (3)", ... Compared as ProfileStore compares names
 * (trimmed, toLocaleLowerCase), and kept within the profile name limit.
 */
import { limits } from '../../../../shared/schemas'

const nameKey = (name: string): string => name.trim().toLocaleLowerCase()

export class NameAllocator {
  private readonly taken: Set<string>

  constructor(existingNames: Iterable<string>) {
    this.taken = new Set([...existingNames].map(nameKey))
  }

  /** `wanted` itself when free, else the first free "wanted (n)"; the result is then taken. */
  allocate(wanted: string): string {
    const base = wanted.trim()
    let name = base
    for (let n = 2; this.taken.has(nameKey(name)); n++) {
      const suffix = ` (${n})`
      name = `${base.slice(0, limits.nameMax - suffix.length).trimEnd()}${suffix}`
    }
    this.taken.add(nameKey(name))
    return name
  }
}
