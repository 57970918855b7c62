/**
 * Which connection:state-changed pushes are news that must go out at once, and which are only
 * fresher figures. Every health probe pushes the profile's whole status (its latency moved), so
 * 200 profiles probed every 2 s make 100 status pushes a second; sending each as its own frame
 * made the renderer update its store 100 times a second. A status that changes none of what
 * follows is coalesced like a sample (latest wins, at most 250 ms late): the connection state, the
 * health level, the breaker, the pool's state, a drain's phase, the error's code. Anything else
 * (latency, counts, the next attempt's time, a drain's connections still in use) may wait a flush.
 */
interface StatusLike {
  state?: unknown
  poolState?: unknown
  health?: { level?: unknown; breaker?: unknown } | null
  drain?: { phase?: unknown } | null
  error?: { code?: unknown } | null
}

/** The part of a status whose change is news (a string, to compare with the last one sent). */
export function statusNewsKey(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return ''
  const s = payload as StatusLike
  return JSON.stringify([
    s.state ?? null,
    s.health?.level ?? null,
    s.health?.breaker ?? null,
    s.poolState ?? null,
    s.drain?.phase ?? null,
    s.error?.code ?? null,
  ])
}
