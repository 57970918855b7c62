/**
 * Typed engine errors: one base with a literal code, the cause kept. At the transport edge they
 * become `{ code, message, detail? }` data.
 */
import type { ErrorCode, ErrorInfo } from '../../../shared/result'

export class LifeguardError extends Error {
  readonly code: ErrorCode
  readonly detail: string | undefined
  /** Set on 'service-unavailable': ms until trying again makes sense. */
  readonly retryAfterMs: number | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; detail?: string; retryAfterMs?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'LifeguardError'
    this.code = code
    this.detail = options.detail
    this.retryAfterMs = options.retryAfterMs
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message }
    if (this.detail !== undefined) info.detail = this.detail
    if (this.retryAfterMs !== undefined) info.retryAfterMs = this.retryAfterMs
    return info
  }
}

export function isLifeguardError(error: unknown): error is LifeguardError {
  return error instanceof LifeguardError
}
