/**
 * A drain in progress (or just ended): a progress bar of the connections that came back out of
 * those in use when it started, the count still in use, the countdown to the deadline and what
 * happens then. Numbers and words carry it; the bar's colour is only a third cue.
 */
import type { DrainProgress } from '../../../../shared/cockpit'
import { formatSeconds } from '../../lib/countdown'
import { useSecondTick } from '../../lib/use-second-tick'
import { drainFigures } from './drain-model'
import { countText } from '../../lib/plural'

export function DrainProgressBar({ drain }: { drain: DrainProgress }) {
  const now = useSecondTick()
  const f = drainFigures(drain, now)
  const label =
    f.inUseAtStart === 0 && f.inUse === 0
      ? 'none was in use when it started'
      : `${f.inUse} of ${countText(f.inUseAtStart, 'connection')} still in use`
  return (
    <section
      className={`drain-progress drain-${drain.phase}`}
      data-testid="drain-progress"
      data-phase={drain.phase}
      data-in-use={f.inUse}
      aria-label="Drain progress"
    >
      <div className="drain-head">
        <strong className="drain-phase" data-testid="drain-phase">
          <span aria-hidden="true">{drain.phase === 'draining' ? '◐ ' : '✓ '}</span>
          {f.phaseText}
        </strong>
        <span className="num" data-testid="drain-in-use">
          {label}
        </span>
        {f.remainingMs !== null && (
          <span className="num" data-testid="drain-countdown">
            deadline in {formatSeconds(Math.ceil(f.remainingMs / 1000))}
          </span>
        )}
        <span className="muted">{f.deadlineText}</span>
      </div>
      <div
        className="drain-track"
        role="progressbar"
        aria-label="Connections returned"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={f.percent}
        aria-valuetext={`${f.returned} of ${f.inUseAtStart} returned (${f.percent} %)`}
      >
        <div className="drain-fill" style={{ width: `${f.percent}%` }} />
      </div>
    </section>
  )
}
