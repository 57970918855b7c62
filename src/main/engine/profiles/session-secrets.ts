/**
 * Passwords entered this run, held in memory only (the profiles issue adds real secret storage).
 * The map lives in a private field: nothing about it is enumerable, serialisable or inspectable.
 */
import { inspect } from 'node:util'

export class SessionSecrets {
  readonly #passwords = new Map<string, string>()

  set(profileId: string, password: string): void {
    this.#passwords.set(profileId, password)
  }

  get(profileId: string): string | undefined {
    return this.#passwords.get(profileId)
  }

  has(profileId: string): boolean {
    return this.#passwords.has(profileId)
  }

  delete(profileId: string): void {
    this.#passwords.delete(profileId)
  }

  clear(): void {
    this.#passwords.clear()
  }

  toJSON(): string {
    return '[session secrets]'
  }

  [inspect.custom](): string {
    return '[session secrets]'
  }
}
