/**
 * The one edge both transports share: channel check -> schema -> handler -> envelope.
 * A bad request never reaches a handler and never changes state; a handler's error becomes data.
 */
import {
  invokeContract,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeHandlers,
} from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { isLifeguardError } from '../engine/core/errors'

export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>

export interface DispatchOptions {
  /** Where unexpected errors are reported (never shown to the renderer in full). */
  onInternalError?: (channel: string, error: unknown) => void
}

function describeIssues(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }>,
): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map(String).join('.')
      return where ? `${where}: ${issue.message}` : issue.message
    })
    .join('; ')
}

export function createDispatch(handlers: InvokeHandlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, request) => {
    if (!isInvokeChannel(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel
      return fail('unknown-channel', `unknown channel: ${name}`)
    }
    const parsed = invokeContract[channel].request.safeParse(request)
    if (!parsed.success) return fail('validation', describeIssues(parsed.error.issues))
    try {
      const handler = handlers[channel] as (r: unknown) => Promise<unknown>
      return ok(await handler(parsed.data))
    } catch (error) {
      if (isLifeguardError(error)) return { ok: false, error: error.toInfo() }
      options.onInternalError?.(channel satisfies InvokeChannel, error)
      return fail('internal', `internal error while handling ${channel}`)
    }
  }
}
