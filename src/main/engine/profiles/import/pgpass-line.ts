/**
 * One .pgpass line, read by libpq's rules (fe-connect.c: passwordFromFile, pwdfMatchesString;
 * checked against libpq 15 and 18):
 *
 * - a line whose first character is '#' is a comment (only the first column: " #x" is data);
 * - trailing '\r' and '\n' characters are stripped (pg_strip_crlf), so CRLF files work;
 * - an empty line is skipped;
 * - fields are separated by unescaped ':'; '\' makes the next character literal (`\:`, `\\`,
 *   and any other `\x` is x);
 * - a field that is exactly `*` (the raw text "*" followed by ':') matches anything; `\*` is a
 *   literal asterisk;
 * - the password is what follows the fourth separator, de-escaped, and it ENDS at the next
 *   unescaped ':' (libpq's de-escaping loop stops there); a '\' at the very end is kept;
 * - a line with fewer than four separators never matches (libpq just moves on).
 *
 * Parsing into fields first and comparing whole values afterwards is equivalent to libpq's
 * character-by-character matching: both compare the de-escaped field with the wanted value.
 */

/** A match field: null when the field is the `*` wildcard. */
export type PgpassField = string | null

export type PgpassLine =
  | { kind: 'comment' }
  | { kind: 'blank' }
  /** Fewer than five fields: libpq never matches it. */
  | { kind: 'short' }
  | {
      kind: 'entry'
      fields: [PgpassField, PgpassField, PgpassField, PgpassField]
      password: string
      /** The password field held an unescaped ':'; libpq uses only the part before it. */
      passwordTruncated: boolean
    }

/** libpq's pg_strip_crlf: removes every trailing '\r' and '\n'. */
function stripCrlf(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--
  return text.slice(0, end)
}

/** Reads one match field starting at `from`; returns where the next field starts. */
function readField(text: string, from: number): { field: PgpassField; next: number } | null {
  if (text[from] === '*' && text[from + 1] === ':') return { field: null, next: from + 2 }
  let value = ''
  let i = from
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\') {
      // A '\' as the last character escapes nothing and the field never reaches its ':'.
      if (i + 1 >= text.length) return null
      value += text[i + 1]
      i += 2
      continue
    }
    if (ch === ':') return { field: value, next: i + 1 }
    value += ch
    i++
  }
  return null
}

function readPassword(text: string, from: number): { password: string; truncated: boolean } {
  let password = ''
  let i = from
  while (i < text.length) {
    const ch = text[i]!
    if (ch === ':') return { password, truncated: true }
    if (ch === '\\' && i + 1 < text.length) {
      password += text[i + 1]
      i += 2
      continue
    }
    password += ch
    i++
  }
  return { password, truncated: false }
}

export function parsePgpassLine(raw: string): PgpassLine {
  if (raw.startsWith('#')) return { kind: 'comment' }
  const text = stripCrlf(raw)
  // libpq skips an empty line; a blank-only line can never match either, so it is blank too.
  if (/^[ \t\f\v]*$/.test(text)) return { kind: 'blank' }
  const fields: PgpassField[] = []
  let at = 0
  for (let n = 0; n < 4; n++) {
    const read = readField(text, at)
    if (read === null) return { kind: 'short' }
    fields.push(read.field)
    at = read.next
  }
  const { password, truncated } = readPassword(text, at)
  return {
    kind: 'entry',
    fields: fields as [PgpassField, PgpassField, PgpassField, PgpassField],
    password,
    passwordTruncated: truncated,
  }
}
