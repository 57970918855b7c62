/**
 * Why a candidate could not become a profile. The candidate is mapped to the profile draft it
 * would be saved as (`draftFromCandidate`: first host and port, the rest as fallback hosts, SSL
 * files, application name, connect timeout; never a password) and checked with the very schema
 * a saved profile passes (profileDraftSchema: isValidHost, port range, identifier and path
 * limits). Only the host/port pairing is checked here first, since a draft cannot express it.
 */
import type { z } from 'zod'
import { profileDraftSchema } from '../../../../shared/schemas'
import type { CandidateProfile } from './candidate'

export type CandidateDraft = z.input<typeof profileDraftSchema>

/** The port of host `i`: one per host, or one for all (libpq's rule). */
function portFor(candidate: CandidateProfile, i: number): number | undefined {
  return candidate.ports.length === 1 ? candidate.ports[0] : candidate.ports[i]
}

/** The draft the candidate would be saved as (the confirm step should create exactly this). */
export function draftFromCandidate(candidate: CandidateProfile): CandidateDraft {
  const draft: CandidateDraft = {
    name: candidate.name,
    group: candidate.group,
    host: candidate.hosts[0] ?? '',
    port: portFor(candidate, 0) ?? 0,
    database: candidate.database,
    user: candidate.user,
    sslmode: candidate.sslmode,
  }
  if (candidate.hosts.length > 1) {
    draft.fallbackHosts = candidate.hosts
      .slice(1)
      .map((host, i) => ({ host, port: portFor(candidate, i + 1) ?? 0 }))
  }
  if (candidate.sslrootcert !== undefined) draft.sslrootcert = candidate.sslrootcert
  if (candidate.sslcert !== undefined) draft.sslcert = candidate.sslcert
  if (candidate.sslkey !== undefined) draft.sslkey = candidate.sslkey
  if (candidate.applicationName !== undefined) draft.applicationName = candidate.applicationName
  if (candidate.connectTimeoutS !== undefined) draft.connectTimeoutS = candidate.connectTimeoutS
  return draft
}

/** "host 2: host must be ..." for a fallback host's issue, the schema's message otherwise. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [field, index] = issue.path
  if (field === 'fallbackHosts' && typeof index === 'number') {
    return `host ${index + 2}: ${issue.message}`
  }
  return issue.message
}

export function invalidReasons(candidate: CandidateProfile): string[] {
  if (candidate.hosts.length === 0) return ['host is required']
  if (candidate.ports.length === 0) return ['port is required']
  if (candidate.ports.length !== 1 && candidate.ports.length !== candidate.hosts.length) {
    return [
      `${candidate.ports.length} ports for ${candidate.hosts.length} hosts: give one port, or one per host`,
    ]
  }
  const draft = profileDraftSchema.safeParse(draftFromCandidate(candidate))
  if (draft.success) return []
  return [...new Set(draft.error.issues.map(describeIssue))]
}
