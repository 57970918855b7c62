/**
 * Lifeguard's own backends, as far as its pool knows them: the backend pid of every connection the
 * pool holds (idle or lent). Pass `() => poolBackendPids(session.pool)` as `ownPids`.
 */
export interface PoolEntriesView {
  readonly entries: Iterable<{ readonly backendPid: number | undefined }>
}

export function poolBackendPids(pool: PoolEntriesView | undefined): number[] {
  if (!pool) return []
  const pids: number[] = []
  for (const entry of pool.entries) if (entry.backendPid !== undefined) pids.push(entry.backendPid)
  return pids
}
