/** The engine-event sentences of a drain (Lifeguard's own words and numbers only). */
import type { DrainDeadlineChoiceName, DrainProgress } from '../../../shared/cockpit'
import { durationText as ms } from '../../../shared/duration-text'

const choiceText: Readonly<Record<DrainDeadlineChoiceName, string>> = {
  cancel: 'cancel their queries',
  terminate: 'terminate them',
  resume: 'resume the pool',
}

export function drainStartedText(
  inUse: number,
  deadlineMs: number | undefined,
  onDeadline: DrainDeadlineChoiceName,
): string {
  const deadline =
    deadlineMs === undefined
      ? 'no deadline'
      : `deadline ${ms(deadlineMs)}, then ${choiceText[onDeadline]}`
  return `drain started: ${inUse} ${inUse === 1 ? 'connection' : 'connections'} in use (${deadline})`
}

export function drainEndedText(p: DrainProgress): string {
  const took = ms((p.endedAt ?? p.startedAt) - p.startedAt)
  const deadline = p.deadlinePassed ? `; the deadline passed (${choiceText[p.onDeadline]})` : ''
  switch (p.phase) {
    case 'drained':
      return `drain finished after ${took}: every connection is closed${deadline}`
    case 'resumed':
      return `drain ended after ${took}: the pool was resumed${deadline}`
    case 'closed':
      return `drain ended after ${took}: the pool was shut down${deadline}`
    default:
      return `drain in progress: ${p.inUse} of ${p.inUseAtStart} connections still in use`
  }
}
