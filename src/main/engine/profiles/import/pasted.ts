/**
 * Import from pasted text: one `postgres://` / `postgresql://` URI or one libpq key=value string
 * becomes at most one candidate (issue 7, item 2).
 *
 * The text is read with the strict parsers of conninfo.ts (the ones redaction uses), so anything
 * ambiguous is refused rather than guessed. When it does not parse, the problem is a fixed
 * message plus a fixed hint per failure reason; like redact.ts's UNPARSEABLE placeholder, it
 * never echoes any part of the text, which may hold a password in a place we could not find.
 *
 * A password in the text is returned beside the result in an `InlineSecret` (never in the
 * candidate or a problem); the candidate says `passwordSource: 'inline'`.
 */
import {
  isConnectionUri,
  parseConnectionUri,
  parseConninfo,
  type ConninfoPair,
  type ConnectionUri,
  type ParseFailure,
} from '../conninfo'
import { MAX_CONNECTION_STRING_BYTES } from '../redact'
import type { ImportProblem, ImportResult } from './candidate'
import { candidateFromSettings, PASTED_WHERE, type PastedDefaults } from './pasted-candidate'
import type { InlineSecret } from './pasted-secret'

export { PASTED_WHERE, type PastedDefaults } from './pasted-candidate'

export interface PastedImportResult extends ImportResult {
  /** The password the text held, if any (non-empty). Never part of candidates or problems. */
  secret: InlineSecret | undefined
}

export const PASTE_UNPARSEABLE =
  'The pasted text is not a postgresql:// URI or a libpq key=value connection string'

/** One fixed hint per parser failure; none of them quotes the input. */
const HINTS: Record<ParseFailure, string> = {
  'not-a-string': 'it is not text',
  'nul-character': 'it contains a NUL character',
  'missing-equals': 'every setting must be written keyword=value',
  'empty-keyword': 'a setting has no keyword before "="',
  'unknown-keyword': 'it uses a keyword libpq does not know',
  'unterminated-quote': 'a quoted value is not closed',
  'ambiguous-value': "an empty value must be written as '' (two single quotes)",
  'not-a-uri': 'it does not start with postgresql://',
  'forbidden-character':
    'spaces and the characters # " < > \\ ^ ` { | } must be percent-encoded in a URI',
  'bad-percent-encoding':
    '"%" must be followed by two hexadecimal digits (write a literal % as %25)',
  'misplaced-at-sign': 'an "@" in the user name or password must be written %40',
  'bad-host': 'a host is not valid (an IPv6 address goes in [brackets])',
  'bad-port': 'a port is not a number from 0 to 65535',
  'bad-query': 'every query parameter must be keyword=value, separated by "&"',
}

function errorOnly(message: string): PastedImportResult {
  const problem: ImportProblem = { severity: 'error', where: PASTED_WHERE, message }
  return { candidates: [], problems: [problem], secret: undefined }
}

function unparseable(reason: ParseFailure): PastedImportResult {
  return errorOnly(`${PASTE_UNPARSEABLE}: ${HINTS[reason]}.`)
}

/**
 * The URI as the keyword/value list libpq builds from it (conninfo_uri_parse_options): hosts and
 * ports become comma-separated lists, the query parameters follow in order (so a later `host=`
 * overrides the authority's hosts), and the JDBC spelling `ssl=true` means `sslmode=require`.
 */
function uriPairs(uri: ConnectionUri): ConninfoPair[] | string {
  const pairs: ConninfoPair[] = []
  if (uri.user !== undefined) pairs.push({ key: 'user', value: uri.user })
  if (uri.password !== undefined) pairs.push({ key: 'password', value: uri.password })
  if (uri.hosts.length > 0) {
    pairs.push({ key: 'host', value: uri.hosts.map((h) => h.host).join(',') })
    if (uri.hosts.some((h) => h.port !== '')) {
      pairs.push({ key: 'port', value: uri.hosts.map((h) => h.port).join(',') })
    }
  }
  if (uri.dbname !== undefined) pairs.push({ key: 'dbname', value: uri.dbname })
  for (const param of uri.params) {
    if (param.key === 'ssl') {
      if (param.value !== 'true') return 'the URI parameter ssl only accepts true (sslmode=require)'
      pairs.push({ key: 'sslmode', value: 'require' })
    } else {
      pairs.push(param)
    }
  }
  return pairs
}

/**
 * Reads one pasted connection string. `defaults` supplies what libpq would take from the
 * environment: the user name (libpq: the OS user) and the host when none is given.
 */
export function importPastedConnection(
  text: unknown,
  defaults: PastedDefaults,
): PastedImportResult {
  if (typeof text !== 'string') return unparseable('not-a-string')
  if (Buffer.byteLength(text, 'utf8') > MAX_CONNECTION_STRING_BYTES) {
    return errorOnly(
      `The pasted text is longer than ${MAX_CONNECTION_STRING_BYTES / 1024} KiB and was not read.`,
    )
  }
  const input = text.trim()
  if (input === '') return errorOnly('There is nothing to import: the pasted text is empty.')

  let pairs: ConninfoPair[]
  let kind: 'uri' | 'conninfo'
  if (isConnectionUri(input)) {
    const parsed = parseConnectionUri(input)
    if (!parsed.ok) return unparseable(parsed.reason)
    const converted = uriPairs(parsed.value)
    if (typeof converted === 'string') return errorOnly(`${PASTE_UNPARSEABLE}: ${converted}.`)
    pairs = converted
    kind = 'uri'
  } else {
    const parsed = parseConninfo(input)
    if (!parsed.ok) return unparseable(parsed.reason)
    pairs = parsed.value
    kind = 'conninfo'
  }

  // libpq keeps the last value of a keyword given twice.
  const settings = new Map<string, string>()
  for (const pair of pairs) settings.set(pair.key, pair.value)
  const built = candidateFromSettings(settings, kind, defaults)
  return {
    candidates: built.candidate === undefined ? [] : [built.candidate],
    problems: built.problems,
    secret: built.secret,
  }
}
