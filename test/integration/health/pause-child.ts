/**
 * The child process of process-pause.test.ts (built with vite's SSR build, run by plain node):
 * one ProfileSession on the system clock, connected to the address in LIFEGUARD_PAUSE_CHILD
 * (JSON). It writes one JSON line to stdout per status push and attempt record, and answers each
 * `{"ping":n}` line on stdin with a `pong` after acquiring a connection and running SELECT 1.
 * When stdin ends it disconnects and exits.
 */
import readline from 'node:readline'
import { systemClock } from '../../../src/main/engine/core/clock'
import { resolveHealthSettings } from '../../../src/main/engine/health/health-settings'
import { ProfileSession } from '../../../src/main/engine/monitor/profile-session'
import type { ConnectionParams } from '../../../src/main/engine/pool/pg-connection'
import type { HealthSettings } from '../../../src/main/engine/health/health-settings'

interface ChildConfig {
  params: ConnectionParams
  health: Partial<HealthSettings>
}

export type ChildLine =
  | { kind: 'status'; state: string; latencyMs: number | null; failures: number }
  | {
      kind: 'attempt'
      outcome: string
      trigger: string
      errorCode: string | null
      message: string | null
    }
  | { kind: 'ready'; state: string }
  | { kind: 'pong'; id: number; ok: boolean; ms: number; error?: string }
  | { kind: 'fatal'; error: string }

const config = JSON.parse(process.env['LIFEGUARD_PAUSE_CHILD'] ?? '{}') as ChildConfig
const say = (line: ChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`)

const session = new ProfileSession('pause-child', {
  clock: systemClock,
  health: resolveHealthSettings(config.health),
  onStatus: (s) =>
    say({
      kind: 'status',
      state: s.state,
      latencyMs: s.health?.latencyMs ?? null,
      failures: s.health?.consecutiveFailures ?? 0,
    }),
  onStats: () => undefined,
  onAttempt: (r) =>
    say({
      kind: 'attempt',
      outcome: r.outcome,
      trigger: r.trigger,
      errorCode: r.errorCode,
      message: r.message,
    }),
})

async function ping(id: number): Promise<void> {
  const started = performance.now()
  try {
    const lease = await session.acquire({ timeoutMs: 2_000 })
    try {
      await lease.connection.query('SELECT 1')
    } finally {
      lease.release()
    }
    say({ kind: 'pong', id, ok: true, ms: performance.now() - started })
  } catch (error) {
    say({ kind: 'pong', id, ok: false, ms: performance.now() - started, error: String(error) })
  }
}

async function main(): Promise<void> {
  const status = await session.connect(config.params, {
    max: 4,
    // As the app: warm connections for the probe and the session sampler alike.
    min: 2,
    acquireTimeoutMs: 2_000,
    // As the app sizes a profile: the probe has its own reserved connection, apart from the
    // session sampler's.
    partitions: { monitor: 1, health: 1 },
  })
  say({ kind: 'ready', state: status.state })
  const input = readline.createInterface({ input: process.stdin })
  input.on('line', (line) => {
    const message = JSON.parse(line) as { ping?: number }
    if (typeof message.ping === 'number') void ping(message.ping)
  })
  input.on('close', () => {
    void session.disconnect().finally(() => process.exit(0))
  })
}

main().catch((error: unknown) => {
  say({ kind: 'fatal', error: String(error) })
  process.exit(1)
})
