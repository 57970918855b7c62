/**
 * Saved connection profiles: validated drafts in, write-through to the profiles file, and the
 * in-memory list changed only after the file write succeeded.
 */
import { randomUUID } from 'node:crypto'
import { LifeguardError } from '../core/errors'
import type { ProfileDraft } from '../../../shared/schemas'
import path from 'node:path'
import { syncDirectory } from '../core/atomic-file'
import {
  PROFILES_FORMAT_VERSION,
  profileDefaults,
  type JsonStoreBackend,
  type StoredProfile,
} from './profile-file'

export const DEMO_PROFILE_ID = 'local-demo'

export class ProfileStore {
  private profiles: StoredProfile[]

  constructor(
    private readonly backend: JsonStoreBackend,
    initial: StoredProfile[],
    private readonly readOnly: boolean,
    private readonly wallNow: () => number,
  ) {
    this.profiles = [...initial]
  }

  get path(): string {
    return this.backend.path
  }

  list(): StoredProfile[] {
    return [...this.profiles]
  }

  get(id: string): StoredProfile {
    const found = this.profiles.find((p) => p.id === id)
    if (!found) throw new LifeguardError('not-found', `no profile with id ${id}`)
    return found
  }

  has(id: string): boolean {
    return this.profiles.some((p) => p.id === id)
  }

  create(draft: ProfileDraft): StoredProfile {
    this.assertUniqueName(draft.name, undefined)
    const profile: StoredProfile = {
      id: randomUUID(),
      kind: 'user',
      ...fieldsOf(draft),
      createdAt: new Date(this.wallNow()).toISOString(),
    }
    this.commit([...this.profiles, profile])
    return profile
  }

  /** Creates several profiles in one write: all of them, or none (a name taken is a conflict). */
  createMany(drafts: readonly ProfileDraft[]): StoredProfile[] {
    const names = new Set<string>()
    for (const draft of drafts) {
      this.assertUniqueName(draft.name, undefined)
      const key = draft.name.toLocaleLowerCase()
      if (names.has(key))
        throw new LifeguardError('conflict', `two profiles to import are named "${draft.name}"`)
      names.add(key)
    }
    const created: StoredProfile[] = drafts.map((draft) => ({
      id: randomUUID(),
      kind: 'user',
      ...fieldsOf(draft),
      createdAt: new Date(this.wallNow()).toISOString(),
    }))
    this.commit([...this.profiles, ...created])
    return created
  }

  update(id: string, draft: ProfileDraft): StoredProfile {
    const existing = this.get(id)
    if (existing.kind === 'demo')
      throw new LifeguardError(
        'invalid-state',
        'the local demo profile is managed by Lifeguard and cannot be edited',
      )
    this.assertUniqueName(draft.name, id)
    const updated: StoredProfile = { ...existing, ...fieldsOf(draft) }
    this.commit(this.profiles.map((p) => (p.id === id ? updated : p)))
    return updated
  }

  delete(id: string): void {
    this.get(id)
    this.commit(this.profiles.filter((p) => p.id !== id))
  }

  /** The demo profile's address changes every run (a fresh embedded server on a free port). */
  upsertDemo(address: {
    host: string
    port: number
    database: string
    user: string
  }): StoredProfile {
    const existing = this.profiles.find((p) => p.id === DEMO_PROFILE_ID)
    const demo: StoredProfile = {
      ...profileDefaults,
      id: DEMO_PROFILE_ID,
      kind: 'demo',
      name: 'Local demo',
      group: 'Demo',
      color: 'teal',
      ...address,
      sslmode: 'disable',
      createdAt: existing?.createdAt ?? new Date(this.wallNow()).toISOString(),
    }
    this.commit(
      existing
        ? this.profiles.map((p) => (p.id === DEMO_PROFILE_ID ? demo : p))
        : [demo, ...this.profiles],
    )
    return demo
  }

  private assertUniqueName(name: string, exceptId: string | undefined): void {
    const key = name.toLocaleLowerCase()
    if (this.profiles.some((p) => p.id !== exceptId && p.name.toLocaleLowerCase() === key))
      throw new LifeguardError('conflict', `a profile named "${name}" already exists`)
  }

  private commit(next: StoredProfile[]): void {
    if (this.readOnly)
      throw new LifeguardError(
        'storage-read-only',
        'the profiles file was written by a newer Lifeguard and is read-only here',
      )
    try {
      // conf writes a temp file, fsyncs and renames it; the directory fsync makes the rename durable.
      this.backend.store = { formatVersion: PROFILES_FORMAT_VERSION, profiles: next }
      syncDirectory(path.dirname(this.backend.path))
    } catch (error) {
      throw new LifeguardError(
        'storage',
        `could not save the profiles file: ${(error as Error).message}`,
        {
          cause: error,
        },
      )
    }
    this.profiles = next
  }
}

function fieldsOf(draft: ProfileDraft) {
  return {
    name: draft.name,
    group: draft.group ?? profileDefaults.group,
    color: draft.color ?? null,
    host: draft.host,
    port: draft.port,
    fallbackHosts: draft.fallbackHosts ?? [],
    database: draft.database,
    user: draft.user,
    sslmode: draft.sslmode,
    sslrootcert: draft.sslrootcert ?? null,
    sslcert: draft.sslcert ?? null,
    sslkey: draft.sslkey ?? null,
    applicationName: draft.applicationName ?? profileDefaults.applicationName,
    connectTimeoutS: draft.connectTimeoutS ?? null,
    settings: draft.settings ?? {},
    passwordCommand: draft.passwordCommand ?? '',
  }
}
