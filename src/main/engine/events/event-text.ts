/**
 * Bounds on what one engine event holds, so a profile's ring has a fixed upper size whatever the
 * events say: a message of at most MAX_MESSAGE characters, at most MAX_FIELDS data fields, each
 * string at most MAX_DATA_TEXT characters (an acquire site keeps its first frames).
 */
import type { EngineEvent } from '../../../shared/cockpit'

export const MAX_MESSAGE = 500
export const MAX_FIELDS = 12
export const MAX_DATA_TEXT = 1000

export type EventData = EngineEvent['data']

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export function boundedMessage(message: string): string {
  return cut(message, MAX_MESSAGE)
}

export function boundedData(data: EventData): EventData {
  const out: EventData = {}
  let fields = 0
  for (const [key, value] of Object.entries(data)) {
    if (fields++ >= MAX_FIELDS) break
    out[key] = typeof value === 'string' ? cut(value, MAX_DATA_TEXT) : value
  }
  return out
}
