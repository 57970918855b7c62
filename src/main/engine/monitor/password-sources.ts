/**
 * Where a profile's password comes from, in order: typed this run (memory only), stored encrypted
 * (the vault), the profile's password command, then libpq's password file. None of them hands a
 * password to anything but the connection; the holders keep them in private fields.
 */
import { LifeguardError } from '../core/errors'
import type { ImportEnvironment } from '../profiles/import/import-coordinator'
import { lookupPassword, readPgpass } from '../profiles/import/pgpass'
import type { ImportProblem } from '../profiles/import/candidate'
import type { StoredProfile } from '../profiles/profile-file'
import { SessionSecrets } from '../profiles/session-secrets'
import { runPasswordCommand } from '../secrets/password-command'
import type { SecretVault } from '../secrets/secret-vault'

export class PasswordSources {
  readonly #typed = new SessionSecrets()

  constructor(
    private readonly vault: SecretVault,
    private readonly environment: ImportEnvironment,
    private readonly onProblem: (problem: ImportProblem) => void,
  ) {}

  /** A password typed (or found by an import) this run. */
  setTyped(id: string, password: string): void {
    this.#typed.set(id, password)
  }

  hasTyped(id: string): boolean {
    return this.#typed.has(id)
  }

  typed(id: string): string | undefined {
    return this.#typed.get(id)
  }

  isStored(id: string): boolean {
    return this.vault.has(id)
  }

  /** Throws 'secret-storage-unavailable' (with the reason) where passwords cannot be stored. */
  assertCanStore(): void {
    const status = this.vault.status()
    if (!status.encrypts) throw new LifeguardError('secret-storage-unavailable', status.reason)
  }

  /** true: store the typed password encrypted; false: forget the stored one; undefined: nothing. */
  remember(id: string, remember: boolean | undefined): void {
    if (remember === true) {
      const password = this.#typed.get(id)
      if (password !== undefined) this.vault.store(id, password)
    } else if (remember === false) this.vault.delete(id)
  }

  forget(id: string): void {
    this.#typed.delete(id)
    this.vault.delete(id)
  }

  clear(): void {
    this.#typed.clear()
  }

  /** The password to connect with, or undefined when none of the sources has one. */
  async resolve(profile: StoredProfile): Promise<string | undefined> {
    const typed = this.#typed.get(profile.id) ?? this.vault.get(profile.id)
    if (typed !== undefined) return typed
    if (profile.passwordCommand) return runPasswordCommand(profile.passwordCommand, profile)
    if (profile.kind === 'demo') return undefined
    return this.fromPgpass(profile)
  }

  /** libpq's password file, read at each connect (it may have changed), first match wins. */
  private async fromPgpass(profile: StoredProfile): Promise<string | undefined> {
    const { env, homeDir, platform } = this.environment
    const read = await readPgpass({ env, homeDir, ...(platform ? { platform } : {}) })
    for (const problem of read.problems) this.onProblem(problem)
    const password = lookupPassword(read.entries, {
      host: profile.host,
      port: profile.port,
      database: profile.database,
      user: profile.user,
    })
    return password === '' ? undefined : password
  }

  toJSON(): string {
    return '[password sources]'
  }
}
