/**
 * Every attempt of the retry timeline, newest first: when, which, why, how long it waited against
 * how long it was meant to wait, how long it took, and how it ended. Messages are plain text.
 */
import type { AttemptRecord } from '../../../../shared/domain'
import { clockTime, formatDuration } from '../../lib/countdown'
import {
  attemptLabel,
  errorClassLabels,
  outcomeLabels,
  triggerLabels,
} from '../../lib/health-labels'
import { attemptKey } from '../../stores/slices/health-slice'

/** Delays only mean something for scheduled attempts (the others ran at once). */
function delayCell(record: AttemptRecord, ms: number): string {
  return record.trigger === 'scheduled' ? formatDuration(ms) : '–'
}

/** How much later than planned the attempt started, when that is worth a mention (> 10 %). */
function lateBy(record: AttemptRecord): string | null {
  if (record.trigger !== 'scheduled') return null
  const late = record.actualDelayMs - record.scheduledDelayMs
  return late > Math.max(100, record.scheduledDelayMs * 0.1) ? `+${formatDuration(late)}` : null
}

export function AttemptTable({ attempts }: { attempts: readonly AttemptRecord[] }) {
  if (attempts.length === 0)
    return (
      <p className="timeline-empty muted" data-testid="attempts-empty">
        No attempts recorded yet: they appear here when the profile connects, loses its database or
        is reconnected.
      </p>
    )
  const newestFirst = [...attempts].reverse()
  return (
    <div className="attempt-table-wrap" tabIndex={0} aria-label="Attempts, newest first">
      <table className="attempt-table" data-testid="attempt-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">#</th>
            <th scope="col">Trigger</th>
            <th scope="col" className="col-num" title="Delay the backoff asked for">
              Scheduled
            </th>
            <th scope="col" className="col-num" title="Delay that really passed">
              Actual
            </th>
            <th scope="col" className="col-num" title="How long the attempt itself took">
              Took
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Class</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((r) => {
            const outcome = outcomeLabels[r.outcome]
            const late = lateBy(r)
            return (
              <tr
                key={attemptKey(r)}
                data-testid="attempt-row"
                data-outcome={r.outcome}
                data-trigger={r.trigger}
                data-at={r.at}
                className={`attempt-${r.outcome}`}
              >
                <td className="num nowrap">{clockTime(r.at, true)}</td>
                <td className="num">{attemptLabel(r)}</td>
                <td>{triggerLabels[r.trigger]}</td>
                <td className="col-num num">{delayCell(r, r.scheduledDelayMs)}</td>
                <td className="col-num num">
                  {delayCell(r, r.actualDelayMs)}
                  {late && <span className="late"> ({late})</span>}
                </td>
                <td className="col-num num">{formatDuration(r.durationMs)}</td>
                <td className={`outcome outcome-${r.outcome} nowrap`}>
                  <span aria-hidden="true">{outcome.icon}</span> {outcome.text}
                </td>
                <td>{r.errorClass ? errorClassLabels[r.errorClass] : '–'}</td>
                <td className="attempt-message" data-testid="attempt-message">
                  {r.message ?? ''}
                  {r.errorCode && <span className="muted mono"> [{r.errorCode}]</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
