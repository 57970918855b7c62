/**
 * reliability.md B.10: a flood is refused explicitly (`rate-limited`) and the server stays
 * responsive. The server's clock is injected and frozen, so the counts are exact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../../src/shared/ws-protocol'
import { collect, openAuthorised, startHarness, type Harness } from './web-harness'

const BURST = 200
const RATE_PER_SECOND = 100

const invoke = (id: number) =>
  JSON.stringify({ type: 'invoke', id, channel: 'profiles:list', request: {} })

function codeOf(message: ServerMessage | undefined): string {
  if (message?.type !== 'result') return `not a result: ${JSON.stringify(message)}`
  return message.result.ok ? 'ok' : message.result.error.code
}

describe('browser-mode socket: rate limit', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  it('a flood of 1000 gets exactly the burst through and every other message rate-limited', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    for (let id = 0; id < 1000; id++) ws.send(invoke(id))
    const answers = await inbox.until(1000)

    const byCode = new Map<string, number[]>()
    for (const m of answers) {
      const ids = byCode.get(codeOf(m)) ?? []
      ids.push(m.type === 'result' ? m.id : -1)
      byCode.set(codeOf(m), ids)
    }
    expect([...byCode.keys()].sort()).toEqual(['ok', 'rate-limited'])
    expect(byCode.get('ok')).toHaveLength(BURST)
    expect(byCode.get('rate-limited')).toHaveLength(1000 - BURST)
    // Each refusal is matched to its own request; the first BURST went through.
    expect([...(byCode.get('ok') ?? [])].sort((a, b) => a - b)).toEqual(
      Array.from({ length: BURST }, (_, i) => i),
    )
    expect(h.calls.length).toBe(BURST)
    ws.close()
  })

  it('refills with the injected clock: still refused at the same instant, served after 1 s', async () => {
    const ws = await openAuthorised(h)
    const inbox = collect(ws)
    for (let id = 0; id < BURST; id++) ws.send(invoke(id))
    await inbox.until(BURST)

    ws.send(invoke(1000))
    expect(codeOf((await inbox.until(BURST + 1))[BURST])).toBe('rate-limited')

    h.clock.now += 1000
    const ids = Array.from({ length: RATE_PER_SECOND + 1 }, (_, i) => 2000 + i)
    for (const id of ids) ws.send(invoke(id))
    const later = (await inbox.until(BURST + 2 + RATE_PER_SECOND)).slice(BURST + 1)
    // Refusals are answered at once and results after dispatch, so match answers by id.
    const codeById = new Map(later.map((m) => [m.type === 'result' ? m.id : -1, codeOf(m)]))
    expect(ids.map((id) => codeById.get(id))).toEqual([
      ...Array<string>(RATE_PER_SECOND).fill('ok'),
      'rate-limited',
    ])
    ws.close()
  })

  it('a flood on one socket does not starve another socket', async () => {
    const flooder = await openAuthorised(h)
    const floodInbox = collect(flooder)
    for (let id = 0; id < 1000; id++) flooder.send(invoke(id))
    await floodInbox.until(1000)

    const other = await openAuthorised(h)
    const inbox = collect(other)
    other.send(invoke(1))
    expect(codeOf((await inbox.until(1))[0])).toBe('ok')
    flooder.close()
    other.close()
  })
})
