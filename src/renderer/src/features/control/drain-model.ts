/**
 * The drain dialog's form and the drain's progress as pure functions: the form's text becomes a
 * pool:drain request checked by the contract's own schema; the progress bar's figures come from
 * ProfileStatus.drain and the clock.
 */
import type { RequestOf } from '../../../../shared/contract'
import {
  drainDeadlineChoices,
  type DrainDeadlineChoiceName,
  type DrainProgress,
} from '../../../../shared/cockpit'
import { drainRequestSchema } from '../../../../shared/cockpit-schemas'

export interface DrainForm {
  /** Wait for connections in use without a deadline. */
  noDeadline: boolean
  /** The deadline in seconds, as typed. */
  deadlineSeconds: string
  onDeadline: DrainDeadlineChoiceName
}

export const defaultDrainForm: DrainForm = {
  noDeadline: false,
  deadlineSeconds: '30',
  onDeadline: 'cancel',
}

export const MIN_DEADLINE_S = 0.1
export const MAX_DEADLINE_S = 3600

export const deadlineChoiceLabels: Record<
  DrainDeadlineChoiceName,
  { title: string; help: string }
> = {
  cancel: {
    title: 'Cancel their queries',
    help: 'pg_cancel_backend: the running statement stops, the connection comes back.',
  },
  terminate: {
    title: 'Terminate them',
    help: 'pg_terminate_backend: the server ends those sessions; their work is rolled back.',
  },
  resume: {
    title: 'Resume the pool',
    help: 'Give up the drain: the pool hands out connections again.',
  },
}

export type DrainFormResult =
  { ok: true; request: RequestOf<'pool:drain'> } | { ok: false; field: 'deadline'; message: string }

export function drainRequest(profileId: string, form: DrainForm): DrainFormResult {
  if (form.noDeadline) return { ok: true, request: { id: profileId } }
  const text = form.deadlineSeconds.trim()
  const seconds = Number(text)
  if (text === '' || !Number.isFinite(seconds))
    return { ok: false, field: 'deadline', message: 'Enter the deadline in seconds, e.g. 30' }
  if (seconds < MIN_DEADLINE_S || seconds > MAX_DEADLINE_S)
    return {
      ok: false,
      field: 'deadline',
      message: `The deadline must be between ${MIN_DEADLINE_S} and ${MAX_DEADLINE_S} seconds`,
    }
  const request = {
    id: profileId,
    deadlineMs: Math.round(seconds * 1000),
    onDeadline: form.onDeadline,
  }
  const parsed = drainRequestSchema.safeParse(request)
  if (!parsed.success)
    return { ok: false, field: 'deadline', message: parsed.error.issues[0]?.message ?? 'invalid' }
  return { ok: true, request }
}

export function isDeadlineChoice(value: string): value is DrainDeadlineChoiceName {
  return (drainDeadlineChoices as readonly string[]).includes(value)
}

export interface DrainFigures {
  /** Connections that came back since the drain started. */
  returned: number
  inUse: number
  inUseAtStart: number
  /** Share of the connections in use at the start that came back, 0..100. */
  percent: number
  /** ms to the deadline (0 once passed), null without one or once the drain ended. */
  remainingMs: number | null
  /** "Draining", "Drained", "Resumed", "Closed". */
  phaseText: string
  /** What the deadline does, or did. */
  deadlineText: string
}

const phaseTexts: Record<DrainProgress['phase'], string> = {
  draining: 'Draining',
  drained: 'Drained',
  resumed: 'Resumed',
  closed: 'Closed',
}

const afterDeadline: Record<DrainDeadlineChoiceName, string> = {
  cancel: 'their queries are cancelled',
  terminate: 'they are terminated',
  resume: 'the pool resumes',
}

export function drainFigures(drain: DrainProgress, now: number): DrainFigures {
  const inUse = Math.max(0, drain.inUse)
  const atStart = Math.max(0, drain.inUseAtStart)
  const returned = Math.max(0, atStart - inUse)
  const done = drain.phase !== 'draining'
  const percent =
    atStart === 0 || (done && inUse === 0) ? 100 : Math.round((returned / atStart) * 100)
  const remainingMs = drain.deadlineAt === null || done ? null : Math.max(0, drain.deadlineAt - now)
  let deadlineText: string
  if (drain.deadlineAt === null) deadlineText = 'No deadline: waits for every connection'
  else if (drain.deadlinePassed)
    deadlineText = `Deadline passed: ${afterDeadline[drain.onDeadline]}`
  else if (done) deadlineText = 'Ended before the deadline'
  else deadlineText = `At the deadline ${afterDeadline[drain.onDeadline]}`
  return {
    returned,
    inUse,
    inUseAtStart: atStart,
    percent: Math.min(100, Math.max(0, percent)),
    remainingMs,
    phaseText: phaseTexts[drain.phase],
    deadlineText,
  }
}
