/**
 * The holder for a password found in pasted text. The value lives in a private class field, so
 * it is not an own enumerable property: JSON.stringify, object spread, structuredClone and
 * console.log / util.inspect of the holder (or of a result holding it) never show it. Only
 * `reveal()` returns it, and only main calls that, to hand the password to the session secrets.
 */
import { inspect } from 'node:util'
import { REDACTED } from '../redact'

export class InlineSecret {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  /** The password itself. Call only where it is handed to the secret store. */
  reveal(): string {
    return this.#value
  }

  toJSON(): string {
    return REDACTED
  }

  toString(): string {
    return REDACTED
  }

  [inspect.custom](): string {
    return `InlineSecret(${REDACTED})`
  }
}
