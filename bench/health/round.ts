/**
 * One round: a fresh ProfileSession connects to the embedded server and is probed for a couple of
 * seconds; the server is stopped (detect_ms: server.stop() called -> state `failed`), started
 * again (recover_ms: the server accepts connections -> state `connected`), and the session is
 * disconnected. Each round starts from a fresh session, so from backoff step 0.
 */
import os from 'node:os'
import { systemClock } from '../../src/main/engine/core/clock'
import { defaults } from '../../src/main/engine/defaults'
import type { HealthSettings } from '../../src/main/engine/health/health-settings'
import { ProfileSession } from '../../src/main/engine/monitor/profile-session'
import type { ConnectionParams } from '../../src/main/engine/pool/pg-connection'
import type { AttemptRecord, ConnectionState } from '../../src/shared/domain'
import { onCleanup } from '../lib/cleanup'
import { Meter } from '../lib/measure'
import { watchForAccept } from './accept-watch'
import { PEER_QUERY_EVERY_MS, PeerPgPool } from './peer-pg-pool'
import { StateWatch } from './state-watch'
import { until } from './until'
import type { BenchServer } from '../lib/server'

/** Targets of issue 4 item 8. */
export const DETECT_TARGET_MS = 2_500
/** recover_ms may take the pending attempt's backoff delay plus this. */
export const RECOVER_SLACK_MS = 1_000
/** Successful probes to see before the server is stopped ("connected and probed"). */
const PROBES_BEFORE_STOP = 2

/** The checker as the accept watch saw it when the server last refused a connection. */
interface CheckerSnapshot {
  state: ConnectionState
  nextAttemptAt: number | null
  backoffStep: number | null
  /** Attempt records so far: the next one pushed is the attempt pending (or in flight) then. */
  records: number
  wall: number
}

export interface RoundResult {
  bench: 'health'
  round: number
  /** server.stop() called (SIGINT: fast shutdown) -> state failed. */
  detect_ms: number
  detect_pass: boolean
  /** server.stop() called -> first state change away from connected (reconnecting). */
  notice_ms: number
  /** How long after the 2nd successful probe began the stop came (random, 0 - probe interval). */
  stop_phase_ms: number
  /** server.stop() called -> the postmaster exited. */
  stop_took_ms: number
  /** Probe failure and attempts between the stop and `failed`. */
  detect_attempts: CompactAttempt[]
  /** Server accepts connections (lower bound, see accept-watch.ts) -> state connected. */
  recover_ms: number
  /** Backoff delay of the attempt pending when the server began to accept connections. */
  scheduled_delay_ms: number
  recover_target_ms: number
  recover_pass: boolean
  /** The accept moment lies in a window this wide (10 ms polling; see accept-watch.ts). */
  accept_window_ms: number
  /** Why the last raw try was refused (ECONNREFUSED, 57P03 "starting up"). */
  accept_last_refusal: string | null
  /** Server accepts (lower bound) -> one full login + SELECT 1 (started after) succeeded. */
  accept_confirmed_ms: number
  /** The pending attempt started -> connected (recover_ms less the rest of its backoff wait). */
  recover_after_pending_started_ms: number
  /** server.start() called -> accepting (lower bound). */
  accept_after_start_call_ms: number
  /** EmbeddedServer.start() resolved (its "ready to accept connections" log line), relative to accepting. */
  start_resolved_vs_accept_ms: number
  /** Accepting -> the pending attempt started (how much of its delay was still left). */
  pending_started_after_accept_ms: number
  pending_attempt: CompactAttempt
  /** An attempt was already running when the server began to accept (then the next one counts). */
  in_flight_at_accept: boolean
  recovered_by_pending_attempt: boolean
  /** CPU used by other processes than the bench and its server during the round, % of all CPUs. */
  other_cpu_pct: number | null
  steal_pct: number | null
  loadavg_1m: number
  /** For context: a plain pg.Pool running SELECT 1 every second beside the session. */
  peer_pgpool: PeerResult | null
}

interface CompactAttempt {
  trigger: string
  outcome: string
  code: string | null
  scheduled_delay_ms: number
  actual_delay_ms: number
  duration_ms: number
}

interface PeerResult {
  query_every_ms: number
  first_failing_query_ms: number | null
  first_failing_code: string | null
  idle_error_event_ms: number | null
  first_ok_query_after_accept_ms: number | null
}

const compact = (r: AttemptRecord): CompactAttempt => ({
  trigger: r.trigger,
  outcome: r.outcome,
  code: r.errorCode,
  scheduled_delay_ms: Math.round(r.scheduledDelayMs),
  actual_delay_ms: r.actualDelayMs,
  duration_ms: r.durationMs,
})

const ms = (value: number) => Math.round(value)

export async function runRound(
  index: number,
  { server, address }: BenchServer,
  health: HealthSettings,
  withPeer: boolean,
): Promise<RoundResult> {
  const params: ConnectionParams = {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    password: address.password,
    sslmode: 'disable',
    applicationName: 'lifeguard health bench',
    connectTimeoutMs: defaults.connectTimeoutMs,
    queryTimeoutMs: defaults.operationTimeoutMs,
  }
  const meter = new Meter()
  const watch = new StateWatch()
  const session = new ProfileSession(`bench-${index}`, {
    clock: systemClock,
    health,
    onStatus: watch.onStatus,
    onStats: () => undefined,
    onAttempt: () => undefined,
  })
  const disconnect = onCleanup(`session ${index}`, () => session.disconnect())
  const peer = withPeer ? new PeerPgPool(address) : undefined
  const stopPeer = peer ? onCleanup(`peer pg.Pool ${index}`, () => peer.stop()) : undefined
  try {
    const status = await session.connect(params, defaults.pool)
    if (status.state !== 'connected')
      throw new Error(`the session is ${status.state}, not connected`)
    peer?.start(Math.random() * PEER_QUERY_EVERY_MS)
    // Connected and probed: the probes are the only acquires (no workload runs here).
    await until(
      () => {
        const acquires = session.pool?.metrics().counters.acquires ?? 0
        const probed = session.status().health?.latencyMs != null
        return probed && acquires >= PROBES_BEFORE_STOP ? acquires : undefined
      },
      (PROBES_BEFORE_STOP + 3) * health.probeIntervalMs,
      `${PROBES_BEFORE_STOP} successful probes`,
    )
    // The server goes down at a random point of the probe cycle, not right after a probe.
    const stopPhase = Math.random() * health.probeIntervalMs
    await new Promise<void>((resolve) => setTimeout(resolve, stopPhase))
    if (session.state !== 'connected')
      throw new Error(`the session is ${session.state} before the stop`)
    const recordsBeforeStop = session.timeline().length

    // ---- detect: from the call to server.stop() -------------------------------------------
    const stopCalledAt = performance.now()
    const stopped = server.stop().then(() => performance.now())
    stopped.catch(() => undefined) // awaited below; this only keeps an early rejection handled
    const failedAt = await watch.waitFor('failed', stopCalledAt, 30_000)
    const stoppedAt = await stopped
    const noticedAt = watch.firstAwayFrom('connected', stopCalledAt)?.at ?? failedAt
    const detectAttempts = session.timeline().slice(recordsBeforeStop).map(compact)

    // ---- recover: from the moment the server accepts connections again ---------------------
    const snapshot = (): CheckerSnapshot => {
      const s = session.status()
      return {
        state: s.state,
        nextAttemptAt: s.health?.nextAttemptAt ?? null,
        backoffStep: s.health?.backoffStep ?? null,
        records: session.timeline().length,
        wall: Date.now(),
      }
    }
    const startCalledAt = performance.now()
    const giveUp = new AbortController()
    const accepting = watchForAccept(address, snapshot, 60_000, giveUp.signal)
    const [startResolvedAt, accept] = await Promise.all([
      server.start().then(() => performance.now()),
      accepting,
    ]).finally(() => giveUp.abort())
    const connectedAt = await watch.waitFor('connected', accept.notBefore, 90_000)

    const at = accept.snapshot
    const after = session.timeline().slice(at.records)
    // No attempt scheduled while not connected: one was running (it started before the server
    // accepted, so if it failed, the attempt it scheduled is the one that was pending).
    const inFlight = at.state !== 'connected' && at.nextAttemptAt === null
    const pending =
      at.state === 'connected'
        ? session.timeline().findLast((r) => r.outcome === 'success')
        : inFlight && after[0]?.outcome === 'failure'
          ? after[1]
          : after[0]
    if (!pending)
      throw new Error(
        `no attempt recorded after the server accepted connections (state then: ${at.state})`,
      )
    const success = after.find((r) => r.outcome === 'success')
    const scheduledDelay = ms(pending.scheduledDelayMs)
    const recover = connectedAt - accept.notBefore
    const detect = failedAt - stopCalledAt

    let peerResult: PeerResult | null = null
    if (peer) {
      const recovered = await until(
        () => peer.okAfter(accept.notBefore),
        3 * health.probeIntervalMs + 2_000,
        'the peer pg.Pool answering again',
      ).catch(() => undefined)
      const failed = peer.failedAfter(stopCalledAt)
      const idle = peer.idleErrorAfter(stopCalledAt)
      peerResult = {
        query_every_ms: PEER_QUERY_EVERY_MS,
        first_failing_query_ms: failed ? ms(failed.ms) : null,
        first_failing_code: failed?.code ?? null,
        idle_error_event_ms: idle === undefined ? null : ms(idle),
        first_ok_query_after_accept_ms: recovered === undefined ? null : ms(recovered),
      }
    }

    const load = meter.stop()
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10)
    return {
      bench: 'health',
      round: index,
      detect_ms: ms(detect),
      detect_pass: ms(detect) <= DETECT_TARGET_MS,
      notice_ms: ms(noticedAt - stopCalledAt),
      stop_phase_ms: ms(stopPhase),
      stop_took_ms: ms(stoppedAt - stopCalledAt),
      detect_attempts: detectAttempts,
      recover_ms: ms(recover),
      scheduled_delay_ms: scheduledDelay,
      recover_target_ms: RECOVER_SLACK_MS + scheduledDelay,
      recover_pass: ms(recover) <= RECOVER_SLACK_MS + scheduledDelay,
      accept_window_ms: ms(accept.by - accept.notBefore),
      accept_last_refusal: accept.lastRefusal,
      accept_confirmed_ms: ms(accept.confirmed - accept.notBefore),
      recover_after_pending_started_ms: ms(recover - (pending.at - at.wall)),
      accept_after_start_call_ms: ms(accept.notBefore - startCalledAt),
      start_resolved_vs_accept_ms: ms(startResolvedAt - accept.notBefore),
      pending_started_after_accept_ms: ms(pending.at - at.wall),
      pending_attempt: compact(pending),
      in_flight_at_accept: inFlight,
      recovered_by_pending_attempt: success === pending,
      other_cpu_pct: pct(load.otherPct),
      steal_pct: pct(load.stealPct),
      loadavg_1m: Math.round(os.loadavg()[0]! * 100) / 100,
      peer_pgpool: peerResult,
    }
  } finally {
    await stopPeer?.()
    await disconnect()
  }
}
