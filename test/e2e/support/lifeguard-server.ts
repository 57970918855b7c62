/**
 * Starts and stops the real browser-mode server (out/main/web.js) as a child process.
 * LIFEGUARD_E2E_BUILD_DIR runs another build (a folder inside the repository, so its imports
 * find node_modules), e.g. one with a deliberate mistake for a mutation check.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../../..')
/** The build to run: out/ (electron-vite's), or another one inside the repository (e.g. a mutated build). */
const buildDir = path.resolve(root, process.env['LIFEGUARD_E2E_BUILD_DIR'] ?? 'out')

export interface RunningLifeguard {
  url: string
  origin: string
  output: () => string
  stop: () => Promise<void>
}

export async function startLifeguard(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<RunningLifeguard> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(buildDir, 'main/web.js'),
      '--data-dir',
      dataDir,
      '--connect-timeout-ms',
      '1500',
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      30_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output)
      const ready = extraArgs.includes('--demo')
        ? /Local demo connected|demo could not start/.test(output)
        : true
      if (match?.[1] && ready) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
        child.once('exit', () => {
          clearTimeout(kill)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}
