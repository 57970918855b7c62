/**
 * Parsing one connection service file with libpq's rules (fe-connect.c, parseServiceFile;
 * behaviour checked against libpq 15 and 18):
 *
 * - a line of 1023 bytes or more, counting its '\n', is an error ("line N too long");
 * - each line is trimmed of C isspace() characters at both ends (so CRLF files work); empty
 *   lines and lines starting with '#' are skipped;
 * - `[name]` starts a section; anything after the ']' is ignored; the first section of a name
 *   is the one libpq uses;
 * - inside a section, a line is `key=value` split at the FIRST '='. Nothing is trimmed around
 *   the '=': `host = x` has the key "host " and libpq rejects it, and in `host= x` the value
 *   keeps its leading space. The key must be a libpq connection keyword, case-sensitively,
 *   other than `service` ("nested service specifications not supported"). A line without '='
 *   or with an unknown keyword is "syntax error in service file"; the first value of a keyword
 *   wins;
 * - a section line starting with `ldap://` is an LDAP lookup (libpq built with LDAP).
 *
 * Stricter than libpq, which validates only the lines it reads for the one service requested:
 * here every line of the file is checked, and any error marks the whole file malformed, so that
 * nothing is imported from a file libpq may reject. Lines before the first section are never
 * read by libpq; they get a warning. Problems carry the file and line number, the service name
 * and keyword names, never a value.
 */
import { LIBPQ_KEYWORDS } from '../conninfo'
import { isSecretKey } from '../redact'
import type { ImportProblem } from './candidate'
import type { TextLine } from './pgpass-text-file'
import { ServiceDefinition } from './service-definition'
import type { ServiceFileScope } from './service-location'

/** fgets(buf, 1024, f): a line this long (with its '\n') does not fit, and libpq fails. */
export const SERVICE_LINE_LIMIT_BYTES = 1023

export interface ServiceFileParse {
  /** The sections libpq would use (the first of each name), in file order. */
  services: ServiceDefinition[]
  /** Header line of every section name in the file, even when the file is malformed. */
  sectionLines: Map<string, number>
  problems: ImportProblem[]
  /** At least one error: nothing from this file may be imported. */
  malformed: boolean
}

interface SectionBuilder {
  name: string
  line: number
  params: Record<string, string>
  secrets: Map<string, string>
  keyLines: Map<string, number>
  usesLdap: boolean
}

/** C isspace() in the "C" locale. */
function isCSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r'
}

function trimCSpace(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isCSpace(text[start]!)) start++
  while (end > start && isCSpace(text[end - 1]!)) end--
  return text.slice(start, end)
}

function invalidKeyMessage(line: number, key: string): string {
  const trimmed = trimCSpace(key)
  if (trimmed !== key && LIBPQ_KEYWORDS.has(trimmed)) {
    return (
      `syntax error in service file, line ${line}: blanks around the keyword "${trimmed}" ` +
      "are read as part of it by libpq (write key=value with no spaces around '=')"
    )
  }
  const lower = trimmed.toLowerCase()
  if (lower !== trimmed && LIBPQ_KEYWORDS.has(lower) && lower !== 'service') {
    return `syntax error in service file, line ${line}: keywords are lower case ("${lower}")`
  }
  return `syntax error in service file, line ${line}: not a libpq connection keyword`
}

export function parseServiceLines(
  path: string,
  scope: ServiceFileScope,
  lines: readonly TextLine[],
): ServiceFileParse {
  const problems: ImportProblem[] = []
  const sections: SectionBuilder[] = []
  const sectionLines = new Map<string, number>()
  let current: SectionBuilder | null = null
  let malformed = false
  const error = (line: number, message: string): void => {
    malformed = true
    problems.push({ severity: 'error', where: `${path}:${line}`, message })
  }
  const warn = (line: number, message: string): void => {
    problems.push({ severity: 'warning', where: `${path}:${line}`, message })
  }

  for (const raw of lines) {
    const n = raw.number
    if (raw.bytesWithNewline >= SERVICE_LINE_LIMIT_BYTES) {
      error(n, `line ${n} too long in service file (libpq reads at most 1022 bytes per line)`)
      continue
    }
    if (raw.text === null) {
      const what = raw.defect === 'nul-byte' ? 'contains a NUL byte' : 'is not valid UTF-8'
      error(n, `line ${n} ${what}`)
      continue
    }
    const text = trimCSpace(raw.text)
    if (text === '' || text.startsWith('#')) continue

    if (text.startsWith('[')) {
      const close = text.indexOf(']')
      if (close < 0) {
        error(n, `line ${n}: section header without a closing ']'`)
        current = null
        continue
      }
      const name = text.slice(1, close)
      if (name === '') {
        error(n, `line ${n}: empty service name`)
        current = null
        continue
      }
      if (close < text.length - 1) warn(n, `line ${n}: text after ']' is ignored by libpq`)
      const first = sectionLines.get(name)
      current = {
        name,
        line: n,
        params: {},
        secrets: new Map(),
        keyLines: new Map(),
        usesLdap: false,
      }
      if (first !== undefined) {
        warn(
          n,
          `service "${name}" is defined again at line ${n}; libpq uses only its first ` +
            `definition (line ${first})`,
        )
      } else {
        // A repeated section is still checked line by line, but never used.
        sectionLines.set(name, n)
        sections.push(current)
      }
      continue
    }

    if (current === null) {
      warn(n, `line ${n} is outside any [service] section; libpq never reads it`)
      continue
    }
    if (/^ldaps?:\/\//i.test(text)) {
      current.usesLdap = true
      continue
    }
    const eq = text.indexOf('=')
    if (eq < 0) {
      error(n, `syntax error in service file, line ${n}: no '=' in a key=value line`)
      continue
    }
    const key = text.slice(0, eq)
    const value = text.slice(eq + 1)
    if (key === 'service') {
      error(
        n,
        `nested service specifications not supported in service file, line ${n} ` +
          '(a service may not name another service)',
      )
      continue
    }
    if (!LIBPQ_KEYWORDS.has(key)) {
      error(n, invalidKeyMessage(n, key))
      continue
    }
    const earlier = current.keyLines.get(key)
    if (earlier !== undefined) {
      warn(n, `line ${n}: "${key}" is set again; libpq keeps the first value (line ${earlier})`)
      continue
    }
    current.keyLines.set(key, n)
    if (value !== trimCSpace(value)) {
      warn(n, `line ${n}: the value of "${key}" has blanks at its start, which libpq keeps`)
    }
    if (isSecretKey(key)) current.secrets.set(key, value)
    else current.params[key] = value
  }

  const services = sections.map(
    (s) =>
      new ServiceDefinition({
        name: s.name,
        path,
        line: s.line,
        scope,
        params: s.params,
        secrets: s.secrets,
        usesLdap: s.usesLdap,
      }),
  )
  return { services, sectionLines, problems, malformed }
}
