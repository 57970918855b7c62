/**
 * Lifeguard health benchmark (issue 4 item 8). Build and run with `node bench/health/run.mjs`.
 *
 * With probe interval 1 s and probe timeout 1 s (every other health setting at its default), each
 * round connects a fresh ProfileSession to a throw-away embedded PostgreSQL on 127.0.0.1, lets it
 * be probed, stops the server and measures detect_ms (server.stop() called -> state `failed`),
 * starts it again and measures recover_ms (server accepts connections -> state `connected`).
 * stdout: one JSON line per round ({"bench":"health",...}) and last {"summary": {...}}.
 * stderr: progress for people. Every session, pool and the server are stopped at the end, on
 * errors and on SIGINT/SIGTERM/SIGHUP.
 */
import os from 'node:os'
import { resolveHealthSettings } from '../../src/main/engine/health/health-settings'
import { cleanupAll, installSignalHandlers, wasInterrupted } from '../lib/cleanup'
import { emit } from '../lib/output'
import { parseArgs } from './args'
import { progress } from './log'
import { runRound, type RoundResult } from './round'
import { startBenchServer } from '../lib/server'
import { summarize } from './summary'

const SETTINGS = { probeIntervalMs: 1_000, probeTimeoutMs: 1_000 }

async function main(): Promise<number> {
  const started = performance.now()
  const args = parseArgs(process.argv.slice(2))
  installSignalHandlers()
  const health = resolveHealthSettings(SETTINGS)
  progress(
    `node ${process.version}, ${os.cpus().length} CPUs, ${args.rounds} rounds, about ${5 + args.rounds * 6} s`,
  )
  const rounds: RoundResult[] = []
  let failure: unknown
  try {
    const bench = await startBenchServer()
    progress(`server ready on ${bench.address.host}:${bench.address.port}`)
    for (let i = 1; i <= args.rounds && !wasInterrupted(); i++) {
      const result = await runRound(i, bench, health, args.peer)
      rounds.push(result)
      emit(result)
      progress(
        `round ${i}: detect ${result.detect_ms} ms (${result.detect_pass ? 'pass' : 'FAIL'}), ` +
          `recover ${result.recover_ms} ms of ${result.recover_target_ms} allowed ` +
          `(${result.recover_pass ? 'pass' : 'FAIL'})`,
      )
    }
  } catch (error) {
    failure = error
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    await cleanupAll()
  }
  if (wasInterrupted()) return 130
  const summary = summarize(rounds, args.rounds)
  emit({
    summary: {
      ...summary,
      settings: { ...SETTINGS, other: 'health defaults (health-settings.ts)' },
      method: {
        detect_from: 'just before EmbeddedServer.stop() is called (SIGINT: fast shutdown)',
        detect_to: "the session's onStatus push with state 'failed'",
        recover_from:
          'the start of the latest refused raw TCP + StartupMessage try (one every 10 ms while the ' +
          'server starts; accepted = an authentication request): a lower bound of the moment it ' +
          'accepts (accept_window_ms: how loose)',
        recover_to: "the session's onStatus push with state 'connected'",
        scheduled_delay:
          'scheduledDelayMs of the attempt pending at that moment (the next timeline record; ' +
          'if an attempt was already running and failed, the one it scheduled)',
        fresh_session_per_round: true,
      },
      node: process.version,
      cpus: os.cpus().length,
      elapsedS: Math.round((performance.now() - started) / 100) / 10,
      ...(failure === undefined ? {} : { error: String(failure) }),
    },
  })
  return failure === undefined ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    progress(`failed: ${String(error)}`)
    process.exitCode = 1
  },
)
