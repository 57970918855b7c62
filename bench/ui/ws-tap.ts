/**
 * What the page receives on its WebSocket, seen from outside the page: Chromium's DevTools
 * protocol reports every frame (Network.webSocketFrameReceived) with its payload, so the bench
 * counts payload bytes (UTF-8) and, per event channel, how many events and bytes each channel
 * carried. Wire bytes (frame headers included, after permessage-deflate if it is on) are read
 * from the kernel's TCP counters of the server's sockets (`ss -ti`: bytes_sent), which is what
 * crossed the loopback.
 */
import { execFileSync } from 'node:child_process'
import type { CDPSession, Page } from '@playwright/test'

interface FrameRecord {
  at: number
  bytes: number
}

export interface ChannelTally {
  events: number
  bytes: number
}

export class WsTap {
  private readonly frames: FrameRecord[] = []
  private readonly tallies: { at: number; channel: string; bytes: number }[] = []
  private sent = 0
  private answered = 0

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Network.webSocketFrameReceived', (e) => {
      const at = performance.now()
      const text = e.response.payloadData
      const bytes = e.response.opcode === 1 ? Buffer.byteLength(text, 'utf8') : text.length * 0.75
      this.frames.push({ at, bytes })
      if (e.response.opcode === 1) this.tally(at, text)
    })
    cdp.on('Network.webSocketFrameSent', () => {
      this.sent++
    })
  }

  static async attach(page: Page): Promise<WsTap> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    return new WsTap(cdp)
  }

  /** Invokes the page sent that have no answer yet (the page sends nothing but invokes). */
  get outstanding(): number {
    return this.sent - this.answered
  }

  /** Payload bytes and frames received in [from, to] (bench time, performance.now()). */
  between(from: number, to: number): { bytes: number; frames: number } {
    let bytes = 0
    let frames = 0
    for (const f of this.frames)
      if (f.at > from && f.at <= to) {
        bytes += f.bytes
        frames++
      }
    return { bytes, frames }
  }

  /** Events and their JSON bytes per channel in [from, to]. */
  channelsBetween(from: number, to: number): Record<string, ChannelTally> {
    const out: Record<string, ChannelTally> = {}
    for (const t of this.tallies) {
      if (t.at <= from || t.at > to) continue
      const c = (out[t.channel] ??= { events: 0, bytes: 0 })
      c.events++
      c.bytes += t.bytes
    }
    return out
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined)
  }

  private tally(at: number, text: string): void {
    let message: { type?: string; channel?: string; events?: { channel: string }[] }
    try {
      message = JSON.parse(text) as typeof message
    } catch {
      return
    }
    if (message.type === 'events' && Array.isArray(message.events))
      for (const e of message.events)
        this.tallies.push({ at, channel: e.channel, bytes: JSON.stringify(e).length })
    else if (message.type === 'event' && message.channel)
      this.tallies.push({ at, channel: message.channel, bytes: text.length })
    else {
      if (message.type === 'result') this.answered++
      this.tallies.push({ at, channel: `(${message.type ?? 'unknown'})`, bytes: text.length })
    }
  }
}

/**
 * Bytes the server has sent so far on each established TCP socket of `port` (bytes_sent, keyed by
 * the peer's address), or null where `ss` is missing. Once the page has loaded, its WebSocket is
 * the only socket that carries anything; `sentBetween` counts only sockets alive at the window's
 * end (a keep-alive HTTP socket that closed meanwhile sent nothing during the window).
 */
export function serverBytesSent(port: number): Map<string, number> | null {
  let text: string
  try {
    text = execFileSync('ss', ['-tinH', 'state', 'established', `( sport = :${port} )`], {
      encoding: 'utf8',
    })
  } catch {
    return null
  }
  const out = new Map<string, number>()
  let peer: string | undefined
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    if (!/^\s/.test(line)) {
      // "Recv-Q Send-Q Local:Port Peer:Port" (no State column with a state filter)
      peer = line.trim().split(/\s+/)[3]
      continue
    }
    if (peer === undefined) continue
    out.set(peer, Number(/bytes_sent:(\d+)/.exec(line)?.[1] ?? 0))
    peer = undefined
  }
  return out
}

export function sentBetween(
  from: Map<string, number> | null,
  to: Map<string, number> | null,
): number | null {
  if (!from || !to) return null
  let sum = 0
  for (const [peer, sent] of to) sum += sent - (from.get(peer) ?? 0)
  return sum
}
