/**
 * The real browser-mode server (out/main/web.js, built by run.mjs) as a child process, with a
 * fresh data directory: started, its URL and token read from its output, stopped with SIGTERM
 * (SIGKILL after 15 s) at the end, on errors and on signals (bench/lib/cleanup).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { onCleanup, onExit } from '../lib/cleanup'
import { progress } from './log'

const root = path.resolve(import.meta.dirname, '..', '..')

export interface WebProcess {
  pid: number
  /** http://127.0.0.1:PORT/?token=... */
  url: string
  origin: string
  port: number
  token: string
  output(): string
  stop(): Promise<void>
}

export interface WebProcessOptions {
  dataDir: string
  /** node --cpu-prof into this folder. */
  cpuProfDir?: string | undefined
  /** More node flags (diagnostics). */
  nodeFlags?: string[]
  /** Where to save the server's output once it has stopped. */
  logFile?: string | undefined
  /** The tree whose build runs (default this repository). */
  appRoot?: string | undefined
}

export async function startWebProcess(options: WebProcessOptions): Promise<WebProcess> {
  const appRoot = options.appRoot ? path.resolve(options.appRoot) : root
  const entry = path.join(appRoot, 'out', 'main', 'web.js')
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (run.mjs does)`)
  const nodeFlags = [
    ...(options.cpuProfDir
      ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.cpuProfDir)]
      : []),
    ...(options.nodeFlags ?? []),
  ]
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, entry, '--data-dir', options.dataDir],
    { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    if (!options.logFile && output.length > 200_000) output = output.slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.kill('SIGTERM')
    await exited
    clearTimeout(kill)
    if (options.logFile) fs.writeFileSync(options.logFile, output)
  }
  onCleanup('browser-mode server', stop)
  onExit(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      30_000,
    )
    const look = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve(match[1])
    }
    child.stdout?.on('data', look)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited (${code ?? signal}) before it listened:\n${output}`))
    })
  })
  const parsed = new URL(url)
  if (parsed.hostname !== '127.0.0.1') throw new Error(`refusing to bench against ${parsed.host}`)
  progress(`browser mode listening on ${parsed.host} (pid ${child.pid})`)
  return {
    pid: child.pid!,
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    output: () => output,
    stop,
  }
}
