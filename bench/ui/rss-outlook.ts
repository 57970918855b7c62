/**
 * What main's memory will be once its metrics history is full. Each profile's history rings
 * (engine/metrics/metrics-history.ts: 3600 one-second slots and 1440 one-minute slots of
 * BYTES_PER_SLOT bytes) are allocated at its first sample, but the kernel only backs the pages the
 * rings have written, so a run of a minute or two sees a fraction of them in VmRSS. The outlook
 * adds the part not written yet: an upper bound (pages the allocator had backed already count
 * twice), so the target is checked against it too.
 */
import { MINUTE_SLOTS, SECOND_SLOTS } from '../../src/main/engine/metrics/metrics-history'
import { BYTES_PER_SLOT } from '../../src/main/engine/metrics/sample-ring'

/** MiB of history rings not yet written after `recordedS` seconds of samples, for `profiles`. */
export function unwrittenHistoryMb(profiles: number, recordedS: number): number {
  const seconds = Math.max(0, SECOND_SLOTS - recordedS)
  const minutes = Math.max(0, MINUTE_SLOTS - Math.ceil(recordedS / 60))
  return (profiles * (seconds + minutes) * BYTES_PER_SLOT) / (1024 * 1024)
}
