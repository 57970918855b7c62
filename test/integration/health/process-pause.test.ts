/**
 * A process pause: a child node process running a connected profile (pause-child.ts, built with
 * vite's SSR build as bench/run.mjs builds the benchmark) is stopped with SIGSTOP for 3 s in the
 * middle of a health probe, then continued. The answer the probe waits for reaches the child's
 * socket during the pause, and every timer bounding the probe is long overdue when it runs again;
 * the pause-aware bounds must let the answer be read rather than declare a failure. The profile
 * stays connected (no failure recorded at all) and answers a request right after.
 *
 * To pause mid-probe on purpose, the child reaches the shared server through the fault proxy with
 * 100 ms of latency each way, and probes every 600 ms, longer than the pool's 500 ms validation
 * bypass, so each probe is two round trips: the pool validates the connection (SELECT 1), then
 * the probe runs its SELECT 1. After a probe's status line, the proxy's first forwarded chunk is
 * the validation reaching the server and the third is the probe's query: the child is stopped
 * right after one of them, so the pause covers the wait for the validation in one case and for
 * the probe's answer in the other.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy'
import { pgTarget } from '../../helpers/pg-target'
import { hold, paramsFor } from '../../helpers/pg-server-control'
import type { ChildLine } from './pause-child'

const PAUSE_MS = 3_000
const LATENCY_MS = 100
const health = { probeIntervalMs: 600, probeTimeoutMs: 1_000 }
const root = path.resolve(__dirname, '../../..')
const target = pgTarget()

interface Received {
  /** performance.now() in this process when the line arrived. */
  t: number
  line: ChildLine
}

let workDir = ''
let proxy: FaultProxy
let child: ChildProcess | undefined
const received: Received[] = []
const waiting = new Set<(r: Received) => void>()
let stderr = ''

/** The first line at or after `after` that matches, or a rejection after `timeoutMs`. */
function nextLine(
  what: string,
  accept: (line: ChildLine) => boolean,
  timeoutMs: number,
  after = performance.now(),
): Promise<Received> {
  const seen = received.find((r) => r.t >= after && accept(r.line))
  if (seen) return Promise.resolve(seen)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(check)
      reject(
        new Error(
          `${what}: no such line from the child within ${timeoutMs} ms (${stderr}) ${JSON.stringify(received.slice(-8).map((r) => r.line))}`,
        ),
      )
    }, timeoutMs)
    const check = (r: Received) => {
      if (!accept(r.line)) return
      clearTimeout(timer)
      waiting.delete(check)
      resolve(r)
    }
    waiting.add(check)
  })
}

/**
 * Waits for the child's next successful probe (a status line, connected, with a latency), then for
 * the `nth` chunk the proxy forwards after it.
 */
async function afterForward(nth: number): Promise<void> {
  await nextLine(
    'a successful probe',
    (l) => l.kind === 'status' && l.state === 'connected' && l.latencyMs !== null,
    3_000,
  )
  const deadline = performance.now() + 3_000
  let last = proxy.bytesForwarded
  for (let seen = 0; seen < nth;) {
    await new Promise((r) => setImmediate(r))
    if (proxy.bytesForwarded !== last) {
      last = proxy.bytesForwarded
      seen++
    }
    if (performance.now() > deadline) throw new Error(`the proxy forwarded no chunk ${nth}`)
  }
}

beforeAll(async () => {
  // Built outside the repository; a node_modules link lets the output import pg, zod and the rest.
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-pause-child-'))
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(workDir, 'node_modules'), 'dir')
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(__dirname, 'pause-child.ts'),
      outDir: workDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
  proxy = await startFaultProxy({ target })
  proxy.setLatency(LATENCY_MS)
  // Connecting takes four round trips through the latency (startup, two SCRAM steps, the version).
  const params = paramsFor(target, {
    route: proxy,
    applicationName: 'lg-health-pause',
    connectTimeoutMs: 3_000,
  })
  child = spawn(process.execPath, [path.join(workDir, 'pause-child.mjs')], {
    env: { ...process.env, LIFEGUARD_PAUSE_CHILD: JSON.stringify({ params, health }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  readline.createInterface({ input: child.stdout! }).on('line', (text) => {
    const r = { t: performance.now(), line: JSON.parse(text) as ChildLine }
    received.push(r)
    for (const check of [...waiting]) check(r)
  })
  const ready = await nextLine('ready', (l) => l.kind === 'ready' || l.kind === 'fatal', 10_000, 0)
  expect(ready.line, JSON.stringify(received.map((r) => r.line))).toEqual({
    kind: 'ready',
    state: 'connected',
  })
})

afterAll(async () => {
  const c = child
  if (c && c.exitCode === null && c.signalCode === null) {
    const exited = new Promise((resolve) => c.once('exit', resolve))
    c.kill('SIGCONT')
    c.stdin!.end() // the child disconnects and exits
    const timer = setTimeout(() => c.kill('SIGKILL'), 3_000)
    await exited
    clearTimeout(timer)
  }
  await proxy?.close()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

describe('a process pause', () => {
  it.each([
    { phase: 'waiting for the validation of its connection', forward: 1 },
    { phase: 'waiting for the answer to its query', forward: 3 },
  ])('in the middle of a probe $phase: still connected, no failure', async ({ forward }) => {
    const c = child!
    const caseStart = performance.now()
    await afterForward(forward)
    c.kill('SIGSTOP')
    const stoppedAt = performance.now()
    await hold(PAUSE_MS)
    c.kill('SIGCONT')
    const resumedAt = performance.now()

    // The probe caught by the pause finishes once the child runs again, and succeeds.
    const probe = await nextLine(
      'the paused probe finished',
      (l) => l.kind === 'status' || l.kind === 'attempt',
      health.probeIntervalMs + health.probeTimeoutMs + 1_000,
      stoppedAt,
    )
    console.info(
      `stopped ${Math.round(resumedAt - stoppedAt)} ms; next line ${Math.round(probe.t - resumedAt)} ms ` +
        `after SIGCONT: ${JSON.stringify(probe.line)}`,
    )
    expect(probe.line).toMatchObject({ kind: 'status', state: 'connected', failures: 0 })
    // Throughout: no failed probe or attempt, never anything but connected.
    const since = received.filter((r) => r.t >= caseStart).map((r) => r.line)
    expect(since.filter((l) => l.kind === 'attempt')).toEqual([])
    expect(since.filter((l) => l.kind === 'status' && l.state !== 'connected')).toEqual([])

    // It answers a request right away.
    const id = forward
    const asked = performance.now()
    c.stdin!.write(`${JSON.stringify({ ping: id })}\n`)
    const pong = await nextLine('pong', (l) => l.kind === 'pong' && l.id === id, 2_000, asked)
    expect(pong.line).toMatchObject({ kind: 'pong', ok: true })
  })
})
