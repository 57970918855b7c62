/**
 * The import preview (issue 7, item 2): what confirming an import would do with each candidate,
 * before anything is written. Pure: the result and the profiles are only read.
 *
 * - 'invalid': the candidate would fail profile validation (see preview-validation.ts).
 * - 'duplicate': same first host (case-insensitive), port, database and user as a saved profile
 *   (`duplicateOf` is its id) or as an earlier 'new' row of this import (`duplicateOfRow`, a
 *   0-based row index). Invalid rows are never the original of a duplicate: they would not be
 *   created.
 * - 'new': would be created. Only these rows are renamed to be unique, against saved profiles and
 *   earlier new rows ("name (2)"); duplicate and invalid rows keep the name from the source, so the
 *   user recognises them.
 *
 * Candidates carry no passwords (candidate.ts), so neither does the preview.
 */
import type { CandidateProfile, ImportProblem, ImportResult } from './candidate'
import { NameAllocator } from './preview-names'
import { invalidReasons } from './preview-validation'

/** What the preview needs of a saved profile (ProfileSummary and StoredProfile both fit). */
export interface ExistingProfile {
  id: string
  name: string
  host: string
  port: number
  database: string
  user: string
}

export type PreviewStatus = 'new' | 'duplicate' | 'invalid'

export interface PreviewRow {
  candidate: CandidateProfile
  status: PreviewStatus
  /** Id of the saved profile this row duplicates. */
  duplicateOf?: string
  /** Index of the earlier row of this import that this row duplicates. */
  duplicateOfRow?: number
  /** Why the row is invalid or a duplicate; for a new row, whether it was renamed. */
  reasons: string[]
}

export interface ImportPreview {
  rows: PreviewRow[]
  problems: ImportProblem[]
}

function endpointKey(host: string, port: number, database: string, user: string): string {
  return JSON.stringify([host.trim().toLowerCase(), port, database, user])
}

const candidateKey = (c: CandidateProfile): string =>
  endpointKey(c.hosts[0] ?? '', c.ports[0] ?? 0, c.database, c.user)

export function buildImportPreview(
  result: ImportResult,
  existingProfiles: readonly ExistingProfile[],
): ImportPreview {
  const saved = new Map<string, ExistingProfile>()
  for (const p of existingProfiles) {
    const key = endpointKey(p.host, p.port, p.database, p.user)
    if (!saved.has(key)) saved.set(key, p)
  }
  const earlierNew = new Map<string, number>()
  const names = new NameAllocator(existingProfiles.map((p) => p.name))

  const rows: PreviewRow[] = []

  const previewRow = (original: CandidateProfile): PreviewRow => {
    const candidate: CandidateProfile = {
      ...original,
      hosts: [...original.hosts],
      ports: [...original.ports],
      origin: { ...original.origin },
    }
    const invalid = invalidReasons(candidate)
    if (invalid.length > 0) return { candidate, status: 'invalid', reasons: invalid }

    const key = candidateKey(candidate)
    const savedTwin = saved.get(key)
    if (savedTwin !== undefined) {
      return {
        candidate,
        status: 'duplicate',
        duplicateOf: savedTwin.id,
        reasons: [`same host, port, database and user as the profile "${savedTwin.name}"`],
      }
    }
    const earlierRow = earlierNew.get(key)
    if (earlierRow !== undefined) {
      return {
        candidate,
        status: 'duplicate',
        duplicateOfRow: earlierRow,
        reasons: [
          `same host, port, database and user as "${rows[earlierRow]!.candidate.name}" ` +
            'earlier in this import',
        ],
      }
    }
    earlierNew.set(key, rows.length)

    const reasons: string[] = []
    const name = names.allocate(candidate.name)
    if (name !== candidate.name.trim()) {
      reasons.push(`renamed from "${candidate.name.trim()}": that name is already used`)
    }
    candidate.name = name
    return { candidate, status: 'new', reasons }
  }

  for (const original of result.candidates) rows.push(previewRow(original))
  return { rows, problems: result.problems.map((p) => ({ ...p })) }
}
