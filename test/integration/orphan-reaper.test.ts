import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { reapOrphanedClusters } from '../../src/main/engine/demo/orphan-reaper'
import { EmbeddedServer, OWNER_FILE } from '../../src/main/engine/demo/embedded-server'
import { tempDir } from '../helpers/temp-dir'

const dirs: Array<() => void> = []
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()))

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

describe('reaping embedded clusters left by a killed process', () => {
  it('stops and removes a cluster whose owner is gone, and leaves a live owner alone', async () => {
    const { dir, cleanup } = tempDir()
    dirs.push(cleanup)
    fs.chmodSync(dir, 0o755)
    const orphan = new EmbeddedServer({ parentDir: dir })
    const kept = new EmbeddedServer({ parentDir: dir })
    const orphanAddress = await orphan.init()
    await kept.init()
    try {
      // Pretend the orphan's owner was a process that has exited.
      const exited = spawn(process.execPath, ['-e', '0'])
      await new Promise((r) => exited.once('exit', r))
      const workDir = path.dirname(orphan.dataDirectory)
      fs.writeFileSync(path.join(workDir, OWNER_FILE), JSON.stringify({ pid: exited.pid }))

      const reaped = await reapOrphanedClusters(dir)
      expect(reaped).toEqual([workDir])
      expect(fs.existsSync(workDir)).toBe(false)
      await expect.poll(() => portOpen(orphanAddress.port), { timeout: 10_000 }).toBe(false)
      expect(kept.isRunning).toBe(true)
      expect(await portOpen(kept.connection.port)).toBe(true)
    } finally {
      await kept.dispose()
    }
  })
})
