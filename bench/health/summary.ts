/** The last line: medians over the completed rounds, the targets and whether they are met. */
import { median } from '../lib/measure'
import { DETECT_TARGET_MS, RECOVER_SLACK_MS, type RoundResult } from './round'

const med = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round(median(values))

const present = (values: Array<number | null | undefined>): number[] =>
  values.filter((v): v is number => typeof v === 'number')

export function summarize(rounds: RoundResult[], planned: number) {
  const detect = rounds.map((r) => r.detect_ms)
  const recover = rounds.map((r) => r.recover_ms)
  const recoverTargets = rounds.map((r) => r.recover_target_ms)
  const detectMedian = med(detect)
  const recoverMedian = med(recover)
  const recoverTargetMedian = med(recoverTargets)
  const complete = rounds.length === planned
  const detectMet = detectMedian !== null && detectMedian <= DETECT_TARGET_MS
  const recoverMet =
    recoverMedian !== null && recoverTargetMedian !== null && recoverMedian <= recoverTargetMedian
  const everyRound = rounds.every((r) => r.detect_pass && r.recover_pass)
  const peers = rounds.map((r) => r.peer_pgpool).filter((p) => p !== null)
  return {
    rounds_planned: planned,
    rounds_completed: rounds.length,
    detect_ms_median: detectMedian,
    recover_ms_median: recoverMedian,
    detect_ms: detect,
    recover_ms: recover,
    scheduled_delay_ms: rounds.map((r) => r.scheduled_delay_ms),
    targets: {
      detect_ms_max: DETECT_TARGET_MS,
      recover_ms_max: `${RECOVER_SLACK_MS} + scheduled_delay_ms (per round)`,
      recover_target_ms: recoverTargets,
      recover_target_ms_median: recoverTargetMedian,
    },
    pass: {
      detect: rounds.map((r) => r.detect_pass),
      recover: rounds.map((r) => r.recover_pass),
    },
    meets_targets: {
      /** Median detect_ms <= 2500. */
      detect: detectMet,
      /** Median recover_ms <= median recover_target_ms. */
      recover: recoverMet,
      /** Every round met both targets. */
      every_round: rounds.length > 0 && everyRound,
      all: complete && detectMet && recoverMet,
    },
    notice_ms_median: med(rounds.map((r) => r.notice_ms)),
    stop_took_ms_median: med(rounds.map((r) => r.stop_took_ms)),
    /** Other processes' CPU use during the rounds: high values mean the latencies are noisier. */
    other_cpu_pct_median: med(present(rounds.map((r) => r.other_cpu_pct))),
    loadavg_1m_max: rounds.length ? Math.max(...rounds.map((r) => r.loadavg_1m)) : null,
    accept_window_ms_max: rounds.length ? Math.max(...rounds.map((r) => r.accept_window_ms)) : null,
    peer_pgpool:
      peers.length === 0
        ? null
        : {
            first_failing_query_ms_median: med(present(peers.map((p) => p.first_failing_query_ms))),
            idle_error_event_ms_median: med(present(peers.map((p) => p.idle_error_event_ms))),
            first_ok_query_after_accept_ms_median: med(
              present(peers.map((p) => p.first_ok_query_after_accept_ms)),
            ),
          },
  }
}
