import type { ReactNode } from 'react'
import type { ConnectionUsage } from '../../../shared/sessions'
import { clockTime } from '../lib/countdown'
import {
  percentText,
  USAGE_CRITICAL,
  USAGE_WARNING,
  usageLevel,
  usageText,
} from '../lib/session-labels'

const levelIcon = { ok: '', warning: '▲ ', critical: '‼ ' } as const

/** How "available" is reached from the server's settings (shown on hover). */
export function availableText(usage: ConnectionUsage): string {
  const parts = [`max_connections ${usage.maxConnections}`]
  parts.push(`− superuser_reserved_connections ${usage.superuserReserved}`)
  if (usage.reserved > 0) parts.push(`− reserved_connections ${usage.reserved}`)
  return `${parts.join(' ')} = ${usage.available} available`
}

interface ServerGaugeProps {
  usage: ConnectionUsage
  label?: string
  /** Shown at the end of the gauge's first line (the card puts its alerts and button there). */
  children?: ReactNode
  /**
   * Wall ms of the sample, when sampling is paused (the pool is draining or drained): the gauge is
   * dimmed and says the figures are from then, so an old sample is never read as the present.
   */
  pausedSince?: number | null
}

/** "sampling paused by the drain; as of 12:16:03". */
export function pausedText(sampledAt: number): string {
  return `sampling paused by the drain; as of ${clockTime(sampledAt)}`
}

/**
 * The server's client connections in use against what it makes available, as a bar with the
 * 80 % and 95 % marks, and as text ("12 / 97 · 12 %", with an icon past a mark; the settings
 * that make up "available" on hover).
 */
export function ServerGauge({ usage, label = 'Server', children, pausedSince }: ServerGaugeProps) {
  const level = usageLevel(usage.ratio)
  const fill = `${Math.min(100, Math.max(0, usage.ratio * 100))}%`
  const hidden = usage.includesHidden ? ' (includes sessions hidden from this role)' : ''
  return (
    <div
      className={`server-gauge server-gauge-${level}${pausedSince != null ? ' server-gauge-paused' : ''}`}
      data-testid="server-gauge"
      data-paused={pausedSince != null ? 'true' : undefined}
      data-used={usage.used}
      data-available={usage.available}
      data-level={level}
    >
      <div className="server-gauge-head">
        <span className="server-gauge-label">{label}</span>
        <span
          className="server-gauge-text num"
          data-testid="server-gauge-text"
          title={`${usageText(usage)}: ${availableText(usage)}${hidden}`}
        >
          {levelIcon[level]}
          <strong>{usage.used}</strong> / {usage.available} ·{' '}
          <strong>{percentText(usage.ratio)}</strong>
          {usage.includesHidden ? ' *' : ''}
        </span>
        {children && <span className="server-gauge-extra">{children}</span>}
      </div>
      <div
        className="server-gauge-track"
        role="meter"
        aria-label="Server connections in use"
        aria-valuemin={0}
        aria-valuemax={usage.available}
        aria-valuenow={Math.min(usage.used, usage.available)}
        aria-valuetext={usageText(usage)}
      >
        <div className="server-gauge-fill" style={{ width: fill }} />
        <span className="server-gauge-mark" style={{ left: `${USAGE_WARNING * 100}%` }} />
        <span className="server-gauge-mark" style={{ left: `${USAGE_CRITICAL * 100}%` }} />
      </div>
      {pausedSince != null && (
        <p className="server-gauge-paused-note muted" data-testid="server-gauge-paused">
          <span aria-hidden="true">‖ </span>
          {pausedText(pausedSince)}
        </p>
      )}
    </div>
  )
}
