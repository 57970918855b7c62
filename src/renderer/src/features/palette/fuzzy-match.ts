/**
 * The command palette's matching: the query's characters must appear in order in the text
 * (case-insensitive); runs of consecutive characters and matches at word starts score higher,
 * gaps cost a little, and a shorter text wins a tie. No match: null.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase()
  if (q === '') return 0
  const t = text.toLowerCase()
  let score = 0
  let from = 0
  let previous = -2
  for (const ch of q) {
    if (ch === ' ') continue
    const at = t.indexOf(ch, from)
    if (at < 0) return null
    const wordStart = at === 0 || /[\s\-_/:.“”"(]/.test(t[at - 1] ?? '')
    if (at === previous + 1) score += 10
    else score -= Math.min(at - from, 10)
    if (wordStart) score += 8
    previous = at
    from = at + 1
  }
  return score - t.length * 0.01
}

/** Items whose text matches, best first (the original order breaks ties). */
export function rankByQuery<T>(
  items: readonly T[],
  query: string,
  textOf: (item: T) => string,
): T[] {
  if (query.trim() === '') return [...items]
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((x): x is { item: T; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item)
}
