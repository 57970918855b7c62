/**
 * One writer per queue folder (reliability D.23), across processes, with safe reclaiming of a
 * lock left by a killed process.
 *
 * Deleting "the" lock file after finding its holder dead is racy (two reclaimers both see the dead
 * holder; the slower one deletes the lock the faster one just took). So no process ever deletes a
 * file it did not prove dead, and taking the lock is an announce-then-check protocol:
 *
 * 1. Announce: write `writer-<pid>-<nonce>.lock` (pid, start time, boot id, host) complete under a
 *    temp name, fsync, rename it into place (it appears atomically, never half-written).
 * 2. Check: list the folder. Another live announcement: withdraw ours (unlink it); if that one
 *    is the established holder (it also has a `holder-<pid>-<nonce>.lock` marker), refuse naming
 *    it; if it is a contender, wait a random while and try again (after a few tries, refuse).
 *    Files of dead processes do not count.
 * 3. No other live announcement: we hold the lock. We add our marker and remove the dead
 *    processes' files. Our announcement stays until release (it is never renamed: a file that
 *    changed its name between another process's listing and its read would be missed).
 *
 * Two live holders are impossible: of two processes that both announced, the one that checked
 * later listed the folder after the other's announcement was in place, saw a live process and
 * withdrew. (Both may withdraw; the random wait makes one of them win a later try.)
 */
import { randomBytes } from 'node:crypto'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Clock } from '../../core/clock'
import { LifeguardError } from '../../core/errors'
import { currentProcessIdentity, isHolderAlive, type ProcessIdentity } from './process-identity'

export interface LockHolder extends ProcessIdentity {
  /** Wall-clock ms. */
  acquiredAt: number
  nonce: string
}

export interface DirLock {
  readonly file: string
  readonly holder: LockHolder
  /** Tries it took (more than 1: it withdrew for a live contender first). */
  readonly tries: number
  release(): Promise<void>
}

export interface DirLockOptions {
  clock: Pick<Clock, 'wallNow'>
  /** The wait between tries (a real, referenced timer by default: opening waits for it). */
  sleep?: (ms: number) => Promise<void>
  /** Tries before refusing (each after a random wait of up to `backoffMs`). */
  attempts?: number
  backoffMs?: number
  identity?: ProcessIdentity
  isAlive?: (holder: LockHolder, self: ProcessIdentity) => boolean
  random?: () => number
}

const ANNOUNCEMENT = /^writer-(\d+)-([0-9a-f]+)\.lock$/
const MARKER = /^holder-(\d+)-([0-9a-f]+)\.lock$/
const TEMP = /^\.writer-(\d+)-([0-9a-f]+)\.tmp$/

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r').catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => undefined)
  await handle.close()
}

async function readHolder(file: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string
  try {
    text = await fsp.readFile(file, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable'
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>
    if (typeof h.pid !== 'number' || typeof h.hostname !== 'string') return 'unreadable'
    return {
      pid: h.pid,
      startTicks: typeof h.startTicks === 'string' ? h.startTicks : null,
      bootId: typeof h.bootId === 'string' ? h.bootId : null,
      hostname: h.hostname,
      acquiredAt: typeof h.acquiredAt === 'number' ? h.acquiredAt : 0,
      nonce: typeof h.nonce === 'string' ? h.nonce : '',
    }
  } catch {
    // Announcements appear whole (rename), so this is not one being written: a foreign or broken file.
    return 'unreadable'
  }
}

function describeHolder(holder: LockHolder, self: ProcessIdentity): string {
  const since = holder.acquiredAt ? `, since ${new Date(holder.acquiredAt).toISOString()}` : ''
  if (holder.pid === self.pid && holder.hostname === self.hostname)
    return `this Lifeguard process (pid ${holder.pid}${since}) already has it open`
  return `another Lifeguard (pid ${holder.pid} on ${holder.hostname}${since}) is using it`
}

export async function acquireDirLock(dir: string, options: DirLockOptions): Promise<DirLock> {
  const self = options.identity ?? currentProcessIdentity()
  const isAlive = options.isAlive ?? isHolderAlive
  const random = options.random ?? Math.random
  const attempts = options.attempts ?? 8
  const backoffMs = options.backoffMs ?? 25
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const nonce = randomBytes(8).toString('hex')
  const holder: LockHolder = { ...self, acquiredAt: options.clock.wallNow(), nonce }
  const name = `writer-${self.pid}-${nonce}.lock`
  const announced = path.join(dir, name)
  const marker = path.join(dir, `holder-${self.pid}-${nonce}.lock`)
  const temp = path.join(dir, `.writer-${self.pid}-${nonce}.tmp`)
  const body = JSON.stringify(holder) + '\n'

  for (let attempt = 1; ; attempt++) {
    const handle = await fsp.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(body)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsp.rename(temp, announced)
    await syncDir(dir)

    const contenders: LockHolder[] = []
    const markers = new Map<string, string>()
    const stale: string[] = []
    for (const other of await fsp.readdir(dir)) {
      if (other === name) continue
      const temp = TEMP.exec(other)
      if (temp) {
        // Another process's announcement being written; only its pid is known.
        const writer = { ...self, pid: Number(temp[1]), startTicks: null, acquiredAt: 0, nonce: '' }
        if (!isAlive(writer, self)) stale.push(other)
        continue
      }
      const mark = MARKER.exec(other)
      if (mark) {
        markers.set(mark[2]!, other)
        continue
      }
      if (!ANNOUNCEMENT.test(other)) continue
      const h = await readHolder(path.join(dir, other))
      // Gone: withdrawn (it checks again before it can hold) or released.
      if (h === 'gone') continue
      if (h === 'unreadable' || !isAlive(h, self)) stale.push(other)
      else contenders.push(h)
    }
    if (contenders.length === 0) {
      await fsp.writeFile(marker, body, { mode: 0o600 })
      for (const s of [...stale, ...markers.values()])
        await fsp.unlink(path.join(dir, s)).catch(() => undefined)
      await syncDir(dir)
      let released = false
      return {
        file: announced,
        holder,
        tries: attempt,
        async release() {
          if (released) return
          released = true
          await fsp.unlink(marker).catch(() => undefined)
          await fsp.unlink(announced).catch(() => undefined)
          await syncDir(dir)
        },
      }
    }
    await fsp.unlink(announced)
    const established = contenders.find((c) => markers.has(c.nonce))
    if (established || attempt >= attempts) {
      const who = established
        ? describeHolder(established, self)
        : `other Lifeguard processes (pid ${contenders.map((c) => c.pid).join(', ')}) are taking it at the same moment`
      throw new LifeguardError(
        'storage',
        `The write-queue folder ${dir} is locked: ${who}. ` +
          'Only one Lifeguard at a time can write to a data directory.',
        established
          ? {
              detail: `lock file ${path.join(dir, `writer-${established.pid}-${established.nonce}.lock`)}`,
            }
          : {},
      )
    }
    await sleep(Math.round(random() * backoffMs * attempt))
  }
}
