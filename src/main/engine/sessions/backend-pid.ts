/** A server backend pid as the actions accept it: a whole number in PostgreSQL's int4 range, above 0. */
import { LifeguardError } from '../core/errors'

export const MAX_BACKEND_PID = 2_147_483_647

export function validatePid(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_BACKEND_PID)
    return value
  throw new LifeguardError(
    'validation',
    `not a backend pid: ${describe(value)} (a pid is a whole number from 1 to ${MAX_BACKEND_PID})`,
  )
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40))
  if (typeof value === 'bigint') return `${value}n`
  if (value === null) return 'null'
  return `a value of type ${typeof value}`
}
