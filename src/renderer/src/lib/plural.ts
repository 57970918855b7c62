/**
 * Counted words, one rule for the whole UI: "1 leak", "2 leaks", "0 leaks". English only; a word
 * whose plural is not "+s" passes it.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many
}

/** "1 leak", "1,234 acquires" (the number formatted as `format` does it, default plain). */
export function countText(
  n: number,
  one: string,
  many = `${one}s`,
  format: (n: number) => string = String,
): string {
  return `${format(n)} ${plural(n, one, many)}`
}
