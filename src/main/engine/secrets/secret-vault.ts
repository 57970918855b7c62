/**
 * Stored passwords (issue 7, item 3). Each is encrypted by an `Encryptor` the shell provides
 * (Electron's safeStorage on the desktop) and kept in `secrets.json` next to the profiles file,
 * written atomically with mode 0600. The vault refuses to store anything when the encryptor does
 * not really encrypt (Linux `basic_text`, browser mode), and says why.
 *
 * Nothing secret is reachable from outside: the ciphertexts and the encryptor live in private
 * fields, `toJSON` and `util.inspect` show a placeholder, and errors never carry a password.
 */
import fs from 'node:fs'
import { inspect } from 'node:util'
import { z } from 'zod'
import { writeFileAtomic } from '../core/atomic-file'
import { LifeguardError } from '../core/errors'

export const SECRETS_FILE_NAME = 'secrets.json'
export const SECRETS_FORMAT_VERSION = 1

export type EncryptionStatus =
  { encrypts: true; backend: string } | { encrypts: false; reason: string }

/** What the shell gives the vault. Desktop: safeStorage. Browser mode: `noEncryption`. */
export interface Encryptor {
  status(): EncryptionStatus
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
}

export const noEncryption = (reason: string): Encryptor => ({
  status: () => ({ encrypts: false, reason }),
  encrypt: () => {
    throw new LifeguardError('secret-storage-unavailable', reason)
  },
  decrypt: () => {
    throw new LifeguardError('secret-storage-unavailable', reason)
  },
})

const fileSchema = z.strictObject({
  formatVersion: z.literal(SECRETS_FORMAT_VERSION),
  secrets: z.record(
    z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    z.string().regex(/^[A-Za-z0-9+/=]*$/),
  ),
})

export interface VaultProblem {
  id: string
  message: string
}

export class SecretVault {
  readonly #file: string
  readonly #encryptor: Encryptor
  readonly #ciphers = new Map<string, string>()
  readonly problems: VaultProblem[] = []

  constructor(file: string, encryptor: Encryptor, wallNow: () => number = Date.now) {
    this.#file = file
    this.#encryptor = encryptor
    this.load(wallNow)
  }

  /** Whether a password may be stored, and if not, why (shown next to "Remember password"). */
  status(): EncryptionStatus {
    return this.#encryptor.status()
  }

  has(profileId: string): boolean {
    return this.#ciphers.has(profileId)
  }

  /** Encrypts and stores; a 'secret-storage-unavailable' error (nothing written) if it cannot. */
  store(profileId: string, password: string): void {
    const status = this.#encryptor.status()
    if (!status.encrypts) throw new LifeguardError('secret-storage-unavailable', status.reason)
    const cipher = this.#encryptor.encrypt(password).toString('base64')
    const before = this.#ciphers.get(profileId)
    this.#ciphers.set(profileId, cipher)
    try {
      this.save()
    } catch (error) {
      if (before === undefined) this.#ciphers.delete(profileId)
      else this.#ciphers.set(profileId, before)
      throw new LifeguardError('storage', 'the password could not be saved', { cause: error })
    }
  }

  /** The password, or undefined if none is stored or it cannot be decrypted (then reported). */
  get(profileId: string): string | undefined {
    const cipher = this.#ciphers.get(profileId)
    if (cipher === undefined) return undefined
    try {
      return this.#encryptor.decrypt(Buffer.from(cipher, 'base64'))
    } catch {
      this.problems.push({
        id: `secret-undecryptable-${profileId}`,
        message:
          'A stored password could not be decrypted (the OS keyring changed?). Enter it again.',
      })
      return undefined
    }
  }

  delete(profileId: string): void {
    if (!this.#ciphers.delete(profileId)) return
    this.save()
  }

  toJSON(): string {
    return '[secret vault]'
  }

  [inspect.custom](): string {
    return '[secret vault]'
  }

  private save(): void {
    const body = {
      formatVersion: SECRETS_FORMAT_VERSION,
      secrets: Object.fromEntries(this.#ciphers),
    }
    writeFileAtomic(this.#file, `${JSON.stringify(body, null, 2)}\n`, 0o600)
  }

  /** A file that cannot be read is moved aside and reported, never reset. */
  private load(wallNow: () => number): void {
    let text: string
    try {
      text = fs.readFileSync(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw new LifeguardError('storage', `the secrets file ${this.#file} cannot be read`, {
        cause: error,
      })
    }
    let parsed: z.infer<typeof fileSchema> | undefined
    try {
      const result = fileSchema.safeParse(JSON.parse(text))
      if (result.success) parsed = result.data
    } catch {
      parsed = undefined
    }
    if (parsed) {
      for (const [id, cipher] of Object.entries(parsed.secrets)) this.#ciphers.set(id, cipher)
      return
    }
    const stamp = new Date(wallNow()).toISOString().replace(/[:.]/g, '-')
    const aside = `${this.#file}.unreadable-${stamp}`
    fs.renameSync(this.#file, aside)
    this.problems.push({
      id: 'secrets-file-unreadable',
      message: `The stored passwords file could not be read; it is kept at ${aside}. Enter passwords again.`,
    })
  }
}
