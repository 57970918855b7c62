/**
 * A window's edges: the same moment read on every clock the bench compares (its own, the page's,
 * the processes' CPU counters, the kernel's byte counters), so a phase line is cut from all the
 * records at the same instants.
 */
import type { Page } from '@playwright/test'
import { phaseLine, type PhaseLine } from './figures'
import { pageNow, pageWindow } from './page-meter'
import type { Mark, ProcessMeter } from './process-meter'
import { sentBetween, serverBytesSent, type WsTap } from './ws-tap'

export interface Boundary {
  node: number
  page: number
  procs: Mark
  wire: Map<string, number> | null
}

export interface Instruments {
  page: Page
  tap: WsTap
  meter: ProcessMeter
  /** The browser-mode server's port (its sockets' byte counters). */
  port: number
}

export async function boundary(i: Instruments): Promise<Boundary> {
  const page = await pageNow(i.page)
  const node = performance.now()
  return { node, page, procs: i.meter.mark(), wire: serverBytesSent(i.port) }
}

export async function measure(
  i: Instruments,
  phase: string,
  from: Boundary,
  to: Boundary,
): Promise<PhaseLine> {
  const window = await pageWindow(i.page, from.page, to.page)
  const { bytes, frames } = i.tap.between(from.node, to.node)
  return phaseLine(
    phase,
    window,
    {
      payloadBytes: bytes,
      frames,
      wireBytes: sentBetween(from.wire, to.wire),
      channels: i.tap.channelsBetween(from.node, to.node),
    },
    i.meter.between(from.procs, to.procs),
  )
}
