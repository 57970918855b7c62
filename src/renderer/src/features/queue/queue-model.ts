/**
 * The Queue tab's pure parts: reading the parameters a DBA types (a JSON array of text, numbers,
 * true / false and null, as the contract takes them), the depth bar's figures, and the sentences
 * the tab says after a submit. No DOM, no store: unit tested as they are.
 */
import type { QueueParam, QueueStatus, SubmitOutcome } from '../../../../shared/queue'
import { plural } from '../../lib/plural'

/** The contract's limit (src/shared/queue-schemas.ts). */
export const PARAMS_MAX = 1000
/** The share of maxQueueSize above which the 'queue-filling' alert is raised. */
export const FILLING_MARK = 0.8

export type ParsedParams = { ok: true; params: QueueParam[] } | { ok: false; message: string }

/** '' (or only spaces) is no parameters; else a JSON array of text, finite numbers, booleans, null. */
export function parseParams(text: string): ParsedParams {
  if (text.trim() === '') return { ok: true, params: [] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'Parameters must be a JSON array, e.g. [42, "text", null]' }
  }
  if (!Array.isArray(value))
    return { ok: false, message: 'Parameters must be a JSON array, e.g. [42, "text", null]' }
  if (value.length > PARAMS_MAX) return { ok: false, message: `At most ${PARAMS_MAX} parameters` }
  for (const [i, p] of value.entries()) {
    const fine =
      p === null ||
      typeof p === 'string' ||
      typeof p === 'boolean' ||
      (typeof p === 'number' && Number.isFinite(p))
    if (!fine)
      return {
        ok: false,
        message: `Parameter $${i + 1} must be text, a number, true / false or null (not a list or an object)`,
      }
  }
  return { ok: true, params: value as QueueParam[] }
}

/** The parameters as the edit box shows them again. */
export function paramsText(params: readonly QueueParam[] | undefined): string {
  return params === undefined || params.length === 0 ? '' : JSON.stringify(params)
}

export interface DepthFigures {
  /** 0..100, for the bar (capped). */
  percent: number
  /** Above the 80 % mark: the alert is (about to be) raised. */
  filling: boolean
  text: string
}

export function depthFigures(status: Pick<QueueStatus, 'depth' | 'maxQueueSize'>): DepthFigures {
  const ratio = status.maxQueueSize > 0 ? status.depth / status.maxQueueSize : 0
  const percent = Math.min(100, Math.round(ratio * 100))
  // A few operations in a large queue are not "0 %".
  const shown = status.depth > 0 && percent === 0 ? '<1' : String(Math.round(ratio * 100))
  return {
    percent,
    filling: ratio > FILLING_MARK,
    text: `${status.depth} of ${status.maxQueueSize} (${shown} %)`,
  }
}

/** What the tab says after a submit that was applied or queued. */
export function submitDoneText(
  outcome: Exclude<SubmitOutcome, { outcome: 'unavailable' }>,
): string {
  if (outcome.outcome === 'applied')
    return outcome.rowCount === null
      ? 'Applied.'
      : `Applied: ${outcome.rowCount} ${plural(outcome.rowCount, 'row')}.`
  return `Queued at position ${outcome.position} (operation ${outcome.operationId}); it is on disk and will be replayed in order when the database is back.`
}
