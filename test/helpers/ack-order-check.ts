/**
 * Checks, on a RecordingFileLayer's timeline, that an acknowledgement (a mark the test added when
 * a promise resolved) came after the fsync covering its record: the write holding the record's
 * bytes ended, then an fsync of the same opened file started and ended, then the mark. Throws
 * with a readable description when not.
 */
import path from 'node:path'
import type { RecordingFileLayer, TimelineEvent } from './recording-file-layer'

type FileEvent = Extract<TimelineEvent, { op: string }>

function isFileEvent(e: TimelineEvent): e is FileEvent {
  return e.phase !== 'mark'
}

export function markIndex(layer: RecordingFileLayer, label: string): number {
  const mark = layer.events.find((e) => e.phase === 'mark' && e.label === label)
  if (!mark) throw new Error(`no mark ${label}`)
  return mark.at
}

/** The completed write whose bytes hold `needle` (the first one). */
export function writeHolding(layer: RecordingFileLayer, needle: string): FileEvent {
  const write = layer.events.find(
    (e): e is FileEvent =>
      isFileEvent(e) && e.phase === 'end' && e.op === 'write' && e.bytes!.includes(needle),
  )
  if (!write) throw new Error(`no write holds ${needle}`)
  return write
}

/**
 * The record holding `needle` was fsynced (same opened file) after its write and before `label`
 * (a mark, or an event index).
 */
export function assertSyncedBefore(
  layer: RecordingFileLayer,
  needle: string,
  label: string | number,
): void {
  const write = writeHolding(layer, needle)
  const mark = typeof label === 'number' ? label : markIndex(layer, label)
  const startOfWrite = layer.events.findIndex(
    (e) =>
      isFileEvent(e) &&
      e.phase === 'start' &&
      e.op === 'write' &&
      e.handle === write.handle &&
      e.at < write.at,
  )
  const covering = layer.events.find(
    (e): e is FileEvent =>
      isFileEvent(e) &&
      e.op === 'sync' &&
      e.phase === 'start' &&
      e.handle === write.handle &&
      e.at > write.at &&
      layer.events.some(
        (end) =>
          isFileEvent(end) &&
          end.op === 'sync' &&
          end.phase === 'end' &&
          end.handle === write.handle &&
          end.at > e.at &&
          end.at < mark,
      ),
  )
  if (!covering)
    throw new Error(
      `${label} (event ${mark}) came before any fsync covering the write at ${startOfWrite}..${write.at} of ${path.basename(write.path)}`,
    )
}

/** A directory fsync of `dir` started after event `after` and ended before `label`. */
export function assertDirSyncedBetween(
  layer: RecordingFileLayer,
  dir: string,
  after: number,
  label: string,
): void {
  const mark = markIndex(layer, label)
  const starts = layer.events.filter(
    (e): e is FileEvent =>
      isFileEvent(e) && e.op === 'syncDir' && e.phase === 'start' && e.path === dir && e.at > after,
  )
  const ok = starts.some((s) =>
    layer.events.some(
      (e) =>
        isFileEvent(e) &&
        e.op === 'syncDir' &&
        e.phase === 'end' &&
        e.path === dir &&
        e.at > s.at &&
        e.at < mark,
    ),
  )
  if (!ok)
    throw new Error(`${label} (event ${mark}) came before an fsync of ${dir} after event ${after}`)
}

/** The completed event of `op` on `path` (`to` for a rename), the first one. */
export function ended(layer: RecordingFileLayer, op: string, p: string): FileEvent {
  const e = layer.events.find(
    (x): x is FileEvent =>
      isFileEvent(x) && x.phase === 'end' && x.op === op && (x.path === p || x.to === p),
  )
  if (!e) throw new Error(`no completed ${op} of ${p}`)
  return e
}
