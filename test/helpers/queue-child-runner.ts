/** Starting the queue storage's child process (test/integration/queue/storage/queue-child.ts). */
import { spawn, type ChildProcess } from 'node:child_process'
import readline from 'node:readline'
import type { ChildConfig } from '../integration/queue/storage/child-operations'

export interface RunningChild {
  child: ChildProcess
  lines: string[]
  /** The first line matching, waiting for it (rejects if the child ends first). */
  line(match: (line: string) => boolean): Promise<string>
  /** Resolves when the child exited and all its output was read. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

export function startChild(script: string, config: ChildConfig): RunningChild {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, LIFEGUARD_QUEUE_CHILD: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const watchers = new Set<(line: string | null) => void>()
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const input = readline.createInterface({ input: child.stdout! })
  input.on('line', (line) => {
    lines.push(line)
    for (const w of [...watchers]) w(line)
  })
  const closed = new Promise<void>((resolve) => input.on('close', resolve))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const done = Promise.all([exited, closed]).then(([exit]) => {
    for (const w of [...watchers]) w(null)
    return { ...exit, stderr }
  })
  return {
    child,
    lines,
    done,
    line(match) {
      const seen = lines.find(match)
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const watch = (line: string | null) => {
          if (line === null) {
            watchers.delete(watch)
            reject(
              new Error(
                `the child ended without such a line: ${lines.slice(-5).join(' | ')} ${stderr}`,
              ),
            )
          } else if (match(line)) {
            watchers.delete(watch)
            resolve(line)
          }
        }
        watchers.add(watch)
      })
    },
  }
}
