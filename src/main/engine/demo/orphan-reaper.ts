/**
 * Embedded clusters outlive a process that is killed (SIGKILL, crash): their postmaster runs on.
 * At the next start, clusters whose owning process is gone are shut down and removed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { OWNER_FILE, WORK_DIR_PREFIX } from './embedded-server'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readPid(file: string, pick: (text: string) => unknown): number | undefined {
  try {
    const pid = Number(pick(fs.readFileSync(file, 'utf8')))
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** Returns the folders it removed. Never touches a cluster whose owner is still running. */
export async function reapOrphanedClusters(parentDir: string): Promise<string[]> {
  let names: string[]
  try {
    names = fs.readdirSync(parentDir).filter((n) => n.startsWith(WORK_DIR_PREFIX))
  } catch {
    return []
  }
  const reaped: string[] = []
  for (const name of names) {
    const workDir = path.join(parentDir, name)
    const owner = readPid(
      path.join(workDir, OWNER_FILE),
      (t) => (JSON.parse(t) as { pid?: unknown }).pid,
    )
    if (owner === undefined || alive(owner)) continue
    const postmaster = readPid(
      path.join(workDir, 'data', 'postmaster.pid'),
      (t) => t.split('\n')[0],
    )
    // SIGQUIT: immediate shutdown (the cluster is throw-away).
    if (postmaster !== undefined && alive(postmaster)) {
      process.kill(postmaster, 'SIGQUIT')
      for (let i = 0; i < 100 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 50))
    }
    fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 3 })
    reaped.push(workDir)
  }
  return reaped
}
