/**
 * Typed engine errors: one base with a literal code, the cause kept. At the transport edge they
 * become `{ code, message, detail? }` data.
 */
import type { ErrorCode, ErrorInfo } from '../../../shared/result'

export class LifeguardError extends Error {
  readonly code: ErrorCode
  readonly detail: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; detail?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'LifeguardError'
    this.code = code
    this.detail = options.detail
  }

  toInfo(): ErrorInfo {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail }
  }
}

export function isLifeguardError(error: unknown): error is LifeguardError {
  return error instanceof LifeguardError
}
