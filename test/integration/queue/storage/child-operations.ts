/** What the queue child (queue-child.ts) is told and what it writes, shared with its tests. */

export interface ChildConfig {
  mode: 'writer' | 'hold' | 'race'
  dataDir: string
  /** writer: the first number to use. */
  start?: number
  producers?: number
  compactionMinBytes?: number
  /** hold / race: the lock's random wait between tries, ms. */
  lockBackoffMs?: number
  /**
   * writer: where its attempt / acknowledgement lines go (appended with synchronous writes, which
   * a SIGKILL cannot lose, unlike a pipe whose buffer may be full).
   */
  journal?: string
}

/** The padding size of operation n: mostly small, some KiB, a few 64 KiB (deterministic). */
export function paddingOf(n: number): number {
  const h = Math.imul(n ^ (n >>> 7), 0x9e3779b1) >>> 0
  const r = h % 100
  if (r < 70) return h % 200
  if (r < 95) return 1024 + (h % 7168)
  return 64 * 1024
}

/** The padding parameter of operation n. */
export function padding(n: number): string {
  const unit = `${n}:`
  return unit.repeat(Math.ceil(paddingOf(n) / unit.length) + 1).slice(0, paddingOf(n))
}
