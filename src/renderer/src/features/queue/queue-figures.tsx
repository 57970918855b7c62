/**
 * The write queue's state and figures: depth against its size with a bar and the 80 % mark (where
 * the 'queue-filling' alert is raised), the oldest operation's age, the counters, the replay rate,
 * bytes on disk, why operations wait, and exactly-once on / off. Numbers and words carry every
 * state; the bar's colour is only a third cue.
 */
import type { QueueStatus } from '../../../../shared/queue'
import { clockTime } from '../../lib/countdown'
import { formatAge } from '../../lib/session-labels'
import { depthFigures, FILLING_MARK } from './queue-model'
import { bytesText, queueStateLabels } from './queue-labels'

export function QueueStateBadge({ status }: { status: QueueStatus }) {
  const label = queueStateLabels[status.state]
  return (
    <span
      className={`queue-state queue-state-${status.state}`}
      data-testid="queue-state"
      data-state={status.state}
      title={label.meaning}
    >
      <span aria-hidden="true">{label.icon}</span> {label.text}
    </span>
  )
}

export function QueueDepthBar({ status }: { status: QueueStatus }) {
  const f = depthFigures(status)
  return (
    <div className="queue-depth">
      <div
        className={f.filling ? 'queue-track queue-filling' : 'queue-track'}
        role="meter"
        aria-label="Write queue depth"
        aria-valuemin={0}
        aria-valuemax={status.maxQueueSize}
        aria-valuenow={status.depth}
        aria-valuetext={`${f.text}${f.filling ? ', above the 80 % alert mark' : ''}`}
        data-testid="queue-depth-bar"
        data-percent={f.percent}
      >
        <div className="queue-fill" style={{ width: `${f.percent}%` }} />
        <div
          className="queue-mark"
          style={{ left: `${FILLING_MARK * 100}%` }}
          title="80 %: alert"
        />
      </div>
      <span className="muted queue-mark-note">alert above 80 %</span>
    </div>
  )
}

export function QueueFigures({ status }: { status: QueueStatus }) {
  const f = depthFigures(status)
  return (
    <dl className="facts-grid" data-testid="queue-figures">
      <div>
        <dt>Queued</dt>
        <dd className="num" data-testid="queue-depth-figure" data-depth={status.depth}>
          {f.filling && <span aria-hidden="true">▲ </span>}
          {f.text}
        </dd>
      </div>
      <div>
        <dt>Oldest</dt>
        <dd className="num">{formatAge(status.oldestAgeMs)}</dd>
      </div>
      <div>
        <dt>Enqueued</dt>
        <dd className="num" data-testid="queue-enqueued">
          {status.enqueued}
        </dd>
      </div>
      <div>
        <dt>Applied</dt>
        <dd className="num" data-testid="queue-applied">
          {status.applied}
        </dd>
      </div>
      <div>
        <dt>Failed attempts</dt>
        <dd className="num">{status.failedAttempts}</dd>
      </div>
      <div>
        <dt>Moved aside</dt>
        <dd className="num">{status.movedAside}</dd>
      </div>
      <div>
        <dt>Replay rate</dt>
        <dd className="num">{status.replayRatePerSecond.toFixed(1)} /s</dd>
      </div>
      <div>
        <dt>On disk</dt>
        <dd className="num">{bytesText(status.bytesOnDisk)}</dd>
      </div>
    </dl>
  )
}

/** Why queued operations wait, when they do. */
export function QueueWaitNote({ status }: { status: QueueStatus }) {
  if (status.state !== 'waiting-for-database' || !status.wait) return null
  return (
    <p className="message message-warning" role="status" data-testid="queue-wait">
      <span className="message-icon" aria-hidden="true">
        ◌
      </span>
      <span>
        {status.wait.message}
        {status.wait.retryAt !== null && (
          <span className="muted"> (next try at {clockTime(status.wait.retryAt)})</span>
        )}
      </span>
    </p>
  )
}
