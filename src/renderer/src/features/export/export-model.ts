/**
 * The export dialog's request and, in browser mode, the download: the file name main gave,
 * reduced to a safe base name, and a Blob offered through an <a download>.
 */
import type { RequestOf } from '../../../../shared/contract'
import type { HistoryRange } from '../../../../shared/cockpit'
import type { MetricsExport } from '../../../../shared/domain'

export const exportFormats = ['json', 'csv', 'prometheus'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const formatLabels: Record<ExportFormat, { title: string; help: string }> = {
  json: {
    title: 'JSON',
    help: 'Everything: settings without secrets, current state, time series, events, alerts.',
  },
  csv: { title: 'CSV', help: 'The time series, one row per sample.' },
  prometheus: {
    title: 'Prometheus',
    help: 'Current values in the text exposition format (gauges, counters, histograms).',
  },
}

export interface ExportChoice {
  /** null: every profile. */
  profileId: string | null
  format: ExportFormat
  range: HistoryRange
}

/** metrics:export / metrics:save's request: the range only where the format has a series. */
export function exportRequest(choice: ExportChoice): RequestOf<'metrics:export'> {
  const request: RequestOf<'metrics:export'> = { format: choice.format }
  if (choice.profileId !== null) request.ids = [choice.profileId]
  if (choice.format !== 'prometheus') request.range = choice.range
  return request
}

const extensions: Record<ExportFormat, string> = { json: 'json', csv: 'csv', prometheus: 'prom' }

/**
 * The download's name: main's file name without any folder part or character a file system
 * (or a shell) would trip over; a fallback when nothing usable is left.
 */
export function downloadName(fileName: string, format: ExportFormat): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const safe = base
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim()
  return safe === '' ? `lifeguard-metrics.${extensions[format]}` : safe.slice(0, 200)
}

export interface DownloadTarget {
  createObjectURL(blob: Blob): string
  revokeObjectURL(url: string): void
  /** Adds a link to the page, clicks it and removes it. */
  click(href: string, fileName: string): void
  /** Runs `task` once the current task is done (the click has started the download by then). */
  later(task: () => void): void
}

export const browserDownload: DownloadTarget = {
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  click: (href, fileName) => {
    const a = document.createElement('a')
    a.href = href
    a.download = fileName
    a.rel = 'noopener'
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
  },
  later: (task) => void setTimeout(task, 0),
}

/** Offers the export as a download; returns the name it was offered under. */
export function download(
  file: MetricsExport,
  format: ExportFormat,
  target: DownloadTarget = browserDownload,
): string {
  const name = downloadName(file.fileName, format)
  const blob = new Blob([file.content], { type: file.contentType || 'application/octet-stream' })
  const url = target.createObjectURL(blob)
  try {
    target.click(url, name)
  } finally {
    target.later(() => target.revokeObjectURL(url))
  }
  return name
}
