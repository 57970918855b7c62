/**
 * What the user allowed Lifeguard to create on a profile's server, kept in
 * `<dataDir>/queue-consents.json`: the exactly-once table (lifeguard.applied_operations, issue 5
 * item 4) and the history sink's tables (lifeguard.pool_snapshots). Kept apart from profiles.json
 * on purpose: a consent is given in the Queue tab or the history sink's dialog, never in the
 * profile form, so saving a profile can never drop it, and the profiles file keeps its format.
 *
 * Written atomically (temporary file, fsync, rename, directory fsync) with mode 0600, before the
 * change is answered. A file that cannot be read is moved aside and reported, never reset
 * silently; Lifeguard then starts without consents (nothing is created on a server without one).
 */
import fs from 'node:fs'
import { z } from 'zod'
import type { AppWarning } from '../../../shared/domain'
import { profileIdSchema } from '../../../shared/schemas'
import { writeFileAtomic } from '../core/atomic-file'
import { LifeguardError } from '../core/errors'

export const QUEUE_CONSENTS_FILE = 'queue-consents.json'
const FORMAT_VERSION = 1

export interface ProfileConsents {
  /** lifeguard.applied_operations may be created and used (exactly-once effect). */
  exactlyOnce: boolean
  /** The history tables were created there on consent (the profile may be the history sink). */
  historyTables: boolean
}

const none: Readonly<ProfileConsents> = Object.freeze({ exactlyOnce: false, historyTables: false })

const fileSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  profiles: z.record(
    profileIdSchema,
    z.strictObject({ exactlyOnce: z.boolean(), historyTables: z.boolean() }),
  ),
})

export class QueueConsents {
  private readonly profiles = new Map<string, ProfileConsents>()
  readonly warnings: AppWarning[] = []

  constructor(
    private readonly file: string,
    wallNow: () => number,
  ) {
    this.read(wallNow)
  }

  get(profileId: string): ProfileConsents {
    return { ...(this.profiles.get(profileId) ?? none) }
  }

  /** Saves the change (throws 'storage' and changes nothing when the file cannot be written). */
  set(profileId: string, change: Partial<ProfileConsents>): ProfileConsents {
    const next = { ...this.get(profileId), ...change }
    const before = this.profiles.get(profileId)
    if (
      before &&
      before.exactlyOnce === next.exactlyOnce &&
      before.historyTables === next.historyTables
    )
      return { ...next }
    const all = new Map(this.profiles)
    if (next.exactlyOnce || next.historyTables) all.set(profileId, next)
    else all.delete(profileId)
    this.write(all)
    this.profiles.clear()
    for (const [id, c] of all) this.profiles.set(id, c)
    return { ...next }
  }

  /** The profile was deleted (or now points elsewhere): its consents go. */
  forget(profileId: string): void {
    if (this.profiles.has(profileId)) this.set(profileId, { ...none })
  }

  private read(wallNow: () => number): void {
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      return this.keptAside(wallNow, (error as Error).message)
    }
    let parsed
    try {
      parsed = fileSchema.safeParse(JSON.parse(text))
    } catch (error) {
      return this.keptAside(wallNow, (error as Error).message)
    }
    if (!parsed.success)
      return this.keptAside(wallNow, parsed.error.issues[0]?.message ?? 'unexpected shape')
    for (const [id, c] of Object.entries(parsed.data.profiles)) this.profiles.set(id, c)
  }

  private keptAside(wallNow: () => number, detail: string): void {
    const aside = `${this.file}.unreadable-${new Date(wallNow()).toISOString().replace(/[:.]/g, '-')}`
    let where: string
    try {
      fs.renameSync(this.file, aside)
      where = `The original is kept at ${aside}.`
    } catch {
      where = `It could not be moved aside and is left at ${this.file}.`
    }
    this.warnings.push({
      id: 'queue-consents-unreadable',
      message: `The write queue's consents file could not be read, so Lifeguard starts without them (the exactly-once and history tables are used again only after you allow them again). ${where}`,
      detail: detail.slice(0, 200),
    })
  }

  private write(all: Map<string, ProfileConsents>): void {
    const content = `${JSON.stringify(
      { formatVersion: FORMAT_VERSION, profiles: Object.fromEntries(all) },
      null,
      2,
    )}\n`
    try {
      writeFileAtomic(this.file, content, 0o600)
    } catch (error) {
      throw new LifeguardError(
        'storage',
        `the consent could not be saved: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        { cause: error },
      )
    }
  }
}
