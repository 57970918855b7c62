/** Polls a condition until it holds, or fails once `timeoutMs` has passed (never a fixed sleep). */
export async function until<T>(
  check: () => T | undefined,
  timeoutMs: number,
  what: string,
  everyMs = 20,
): Promise<T> {
  const end = performance.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (performance.now() >= end) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise<void>((resolve) => setTimeout(resolve, everyMs))
  }
}
