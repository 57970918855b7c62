/**
 * Import in two steps (issue 7, item 2): `preview` reads a source and answers what would be
 * created, flagging duplicates and invalid rows; `take` hands over the drafts of the rows the user
 * confirmed (and any password the source held, which never left main). Nothing is created before
 * that, and a preview is good for one confirmation within `PREVIEW_TTL_MS`.
 */
import { randomUUID } from 'node:crypto'
import type { ImportPreviewView } from '../../../../shared/domain'
import type { ProfileDraft } from '../../../../shared/schemas'
import { LifeguardError } from '../../core/errors'
import type { ImportResult } from './candidate'
import { importPastedConnection } from './pasted'
import { importPgadminServers } from './pgadmin'
import { pgpassCandidates, readPgpass } from './pgpass'
import { buildImportPreview, type ExistingProfile } from './preview'
import { draftFromCandidate } from './preview-validation'
import { readServiceFiles } from './service-file'

export const PREVIEW_TTL_MS = 15 * 60_000
/** Previews kept at once; the oldest is dropped first. */
const MAX_PENDING = 20

export type ImportSource =
  | { kind: 'pgpass' }
  | { kind: 'service-file' }
  | { kind: 'pgadmin'; text: string; fileName: string }
  | { kind: 'pasted'; text: string }

/** What libpq would read from the environment of the process that imports. */
export interface ImportEnvironment {
  env: Readonly<Record<string, string | undefined>>
  homeDir: string | undefined
  osUser: string
  platform?: NodeJS.Platform
}

export interface ConfirmedRow {
  draft: ProfileDraft
  /** A password the pasted text held (kept in main for this run, as an entered one is). */
  password?: string
}

interface Pending {
  view: ImportPreviewView
  drafts: Map<number, ProfileDraft>
  /** Passwords the source held, by row (pasted text; inline service-file passwords). */
  passwords: Map<number, string>
  expiresAt: number
}

export class ImportCoordinator {
  readonly #pending = new Map<string, Pending>()

  constructor(
    private readonly environment: ImportEnvironment,
    private readonly now: () => number,
  ) {}

  async preview(
    source: ImportSource,
    existing: readonly ExistingProfile[],
  ): Promise<ImportPreviewView> {
    const { result, passwords, label } = await this.read(source)
    const preview = buildImportPreview(result, existing)
    // One row per candidate, in order: the row index is the candidate index.
    if (preview.rows.length !== result.candidates.length) passwords.clear()
    const previewId = randomUUID()
    const view: ImportPreviewView = {
      previewId,
      source: label,
      rows: preview.rows.map((row, index) => ({ index, ...row })),
      problems: preview.problems,
    }
    const drafts = new Map<number, ProfileDraft>()
    preview.rows.forEach((row, index) => {
      if (row.status === 'new') drafts.set(index, draftFromCandidate(row.candidate) as ProfileDraft)
    })
    this.forgetExpired()
    while (this.#pending.size >= MAX_PENDING) {
      const oldest = this.#pending.keys().next().value
      if (oldest === undefined) break
      this.#pending.delete(oldest)
    }
    this.#pending.set(previewId, {
      view,
      drafts,
      passwords,
      expiresAt: this.now() + PREVIEW_TTL_MS,
    })
    return view
  }

  /** The confirmed rows' drafts; the preview is used up. Only rows marked 'new' can be taken. */
  take(previewId: string, rows: readonly number[]): ConfirmedRow[] {
    this.forgetExpired()
    const pending = this.#pending.get(previewId)
    if (!pending)
      throw new LifeguardError(
        'not-found',
        'this import preview has expired or was already used: read the source again',
      )
    const picked = [...new Set(rows)]
    for (const index of picked) {
      if (!pending.drafts.has(index))
        throw new LifeguardError(
          'validation',
          `row ${index + 1} cannot be imported (it is a duplicate, invalid, or not in the preview)`,
        )
    }
    this.#pending.delete(previewId)
    return picked.map((index) => {
      const draft = pending.drafts.get(index)!
      const password = pending.passwords.get(index)
      return password === undefined ? { draft } : { draft, password }
    })
  }

  toJSON(): string {
    return '[import coordinator]'
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [id, p] of this.#pending) if (p.expiresAt <= now) this.#pending.delete(id)
  }

  private async read(
    source: ImportSource,
  ): Promise<{ result: ImportResult; passwords: Map<number, string>; label: string }> {
    const { env, homeDir, osUser, platform } = this.environment
    const where = platform === undefined ? {} : { platform }
    switch (source.kind) {
      case 'pgpass': {
        const read = await readPgpass({ env, homeDir, ...where })
        return {
          result: pgpassCandidates(read),
          passwords: new Map(),
          label: read.path ?? 'no password file',
        }
      }
      case 'service-file': {
        const pgpass = await readPgpass({ env, homeDir, ...where })
        const read = await readServiceFiles({
          env,
          homeDir,
          osUser,
          pgpass: pgpass.entries,
          ...where,
        })
        const label =
          read.files.map((f) => `${f.path} (${f.status})`).join(', ') || 'no service file'
        const passwords = new Map<number, string>()
        read.candidates.forEach((c, i) => {
          const inline =
            c.passwordSource === 'inline' ? read.services.get(c.name)?.password() : undefined
          if (inline) passwords.set(i, inline)
        })
        return { result: read, passwords, label }
      }
      case 'pgadmin':
        return {
          result: importPgadminServers(source.text, source.fileName),
          passwords: new Map(),
          label: source.fileName,
        }
      case 'pasted': {
        const read = importPastedConnection(source.text, { defaultUser: osUser })
        const secret = read.secret?.reveal()
        const passwords = new Map<number, string>(secret ? [[0, secret]] : [])
        return { result: read, passwords, label: 'pasted text' }
      }
    }
  }
}
