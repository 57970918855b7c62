/**
 * reliability D.23 within one process and with crafted lock files: one writer per queue folder.
 * A second store is refused with a 'storage' error naming the holder; the lock is released on
 * close; a lock left by a process that is gone, by a process whose pid now belongs to another
 * process (another start time), from before a reboot (another boot id) or unreadable is taken
 * over and removed; one from another host cannot be checked and is respected.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import { currentProcessIdentity } from '../../../../src/main/engine/queue/storage/process-identity'
import { tempDir } from '../../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const noWait = { sleep: async () => undefined }
const queueDir = () => path.join(dir, 'queue')
/** The announcements in the folder (each holder or contender has one). */
const lockFiles = () => fs.readdirSync(queueDir()).filter((n) => n.startsWith('writer-'))
const markerFiles = () => fs.readdirSync(queueDir()).filter((n) => n.startsWith('holder-'))

/** An established holder's two files: its announcement and its holder marker. */
function plantLock(holder: Record<string, unknown>): string {
  fs.mkdirSync(queueDir(), { recursive: true })
  const name = `writer-${String(holder['pid'])}-${String(holder['nonce'])}.lock`
  fs.writeFileSync(path.join(queueDir(), name), JSON.stringify(holder))
  fs.writeFileSync(
    path.join(queueDir(), `holder-${String(holder['pid'])}-${String(holder['nonce'])}.lock`),
    '',
  )
  return name
}

/** The pid of a process that ran and is gone. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid
  if (!pid) throw new Error('no pid')
  return pid
}

describe('the queue folder lock', () => {
  it('refuses a second store in the same process, naming the holder, until the first closes', async () => {
    const first = await openQueueStore({ dataDir: dir, lock: noWait })
    const error = await openQueueStore({ dataDir: dir, lock: noWait }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'storage' })
    expect((error as Error).message).toContain(`pid ${process.pid}`)
    expect((error as Error).message).toContain('already has it open')
    expect(lockFiles()).toHaveLength(1)
    expect(markerFiles()).toHaveLength(1)
    await first.close()
    expect(lockFiles()).toHaveLength(0)
    expect(markerFiles()).toHaveLength(0)
    const again = await openQueueStore({ dataDir: dir, lock: noWait })
    await again.close()
  })

  it('takes over a lock whose process is gone, and removes it', async () => {
    const self = currentProcessIdentity()
    const stale = plantLock({ ...self, pid: deadPid(), acquiredAt: 1, nonce: '0123456789abcdef' })
    const store = await openQueueStore({ dataDir: dir, lock: noWait })
    expect(lockFiles()).not.toContain(stale)
    expect(lockFiles()).toHaveLength(1)
    expect(markerFiles()).toEqual([lockFiles()[0]!.replace('writer-', 'holder-')])
    await store.close()
  })

  it('takes over a lock whose pid is now another process (another start time)', async () => {
    const self = currentProcessIdentity()
    expect(self.startTicks, 'needs /proc').not.toBeNull()
    plantLock({
      ...self,
      startTicks: String(Number(self.startTicks) - 1),
      acquiredAt: 1,
      nonce: '0123456789abcdef',
    })
    const store = await openQueueStore({ dataDir: dir, lock: noWait })
    expect(lockFiles()).toHaveLength(1)
    await store.close()
  })

  it('takes over a lock from before a reboot and an unreadable one', async () => {
    const self = currentProcessIdentity()
    plantLock({ ...self, bootId: 'another-boot', acquiredAt: 1, nonce: '0123456789abcdef' })
    fs.writeFileSync(path.join(queueDir(), 'writer-1-00000000000000aa.lock'), '{"pid": 1, "hostn')
    const store = await openQueueStore({ dataDir: dir, lock: noWait })
    expect(lockFiles()).toHaveLength(1)
    await store.close()
  })

  it('respects a live holder in another process and a holder on another host', async () => {
    const self = currentProcessIdentity()
    // pid 1 (init) is alive; its start time is what /proc says.
    const init = fs.readFileSync('/proc/1/stat', 'utf8')
    const startTicks = init.slice(init.lastIndexOf(')') + 2).split(' ')[19]
    const live = plantLock({
      ...self,
      pid: 1,
      startTicks,
      acquiredAt: Date.UTC(2026, 0, 1),
      nonce: '0123456789abcdef',
    })
    const error = await openQueueStore({ dataDir: dir, lock: noWait }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /another Lifeguard \(pid 1 on .*since 2026-01-01T00:00:00.000Z\) is using it/,
    )
    expect(lockFiles()).toEqual([live])
    fs.rmSync(path.join(queueDir(), live))
    fs.rmSync(path.join(queueDir(), live.replace('writer-', 'holder-')))
    plantLock({
      ...self,
      hostname: `not-${os.hostname()}`,
      pid: deadPid(),
      acquiredAt: 1,
      nonce: 'fedcba9876543210',
    })
    await expect(openQueueStore({ dataDir: dir, lock: noWait })).rejects.toMatchObject({
      code: 'storage',
    })
  })
})
