/**
 * What every import source (.pgpass, pg_service.conf, pgAdmin servers.json, a pasted URI or
 * key=value string) produces: candidate profiles for a preview, plus problems found on the way.
 * Nothing is created until the user confirms the preview.
 *
 * A password found by an import never travels in a candidate (which is shown to the renderer):
 * candidates say only `passwordSource`; the secret itself stays in main, in a holder whose password
 * is a private field (PgpassEntry, ServiceDefinition, InlineSecret).
 */
import type {
  ImportCandidate,
  ImportProblem as SharedImportProblem,
  ImportSourceKind as SharedImportSourceKind,
} from '../../../../shared/domain'

/** The contract's types (src/shared/domain.ts), under the names the import modules use. */
export type ImportSourceKind = SharedImportSourceKind
export type CandidateProfile = ImportCandidate
export type ImportProblem = SharedImportProblem

export interface ImportResult {
  candidates: CandidateProfile[]
  problems: ImportProblem[]
}
