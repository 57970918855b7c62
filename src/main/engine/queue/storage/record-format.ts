/**
 * One queue record = one line of JSON (FORMAT.md):
 *
 *   {"v":1,"n":42,"t":"applied","d":{"seq":17},"c":"1c291ca3"}\n
 *
 * `c` is the CRC-32C (8 hex digits) of the line's UTF-8 bytes before `,"c":` (that is, of
 * `{"v":1,"n":42,"t":"applied","d":{"seq":17}`). The checksum field always closes the line, so it
 * is found and verified on the raw bytes before anything is parsed: a damaged line is never fed to
 * JSON.parse, and a line that passes the checksum is exactly what the writer wrote.
 */
import { crc32cHex } from './crc32c'
import { recordSchemas, recordTypes, type RecordBody, type RecordType } from './record-schemas'

export const FORMAT_VERSION = 1

/** `,"c":"` + 8 hex digits + `"}` */
const SUFFIX_LENGTH = 16
const SUFFIX_HEAD = Buffer.from(',"c":"', 'latin1')
const SUFFIX_TAIL = Buffer.from('"}', 'latin1')
const HEX = /^[0-9a-f]{8}$/
const NEWLINE = 0x0a

/** The whole line, newline included. */
export function encodeRecord(n: number, body: RecordBody): Buffer {
  const json = JSON.stringify({ v: FORMAT_VERSION, n, t: body.t, d: body.d })
  return withChecksum(json.slice(0, -1))
}

/**
 * An enqueue record's line built from JSON pieces made once (the hot path): the same bytes as
 * encodeRecord of `{ id, kind, payload: { params, sql }, enqueuedAt, payloadHash }`.
 */
export function encodeEnqueueLine(
  n: number,
  pieces: {
    idJson: string
    kindJson: string
    payloadJson: string
    enqueuedAt: number
    payloadHash: string
  },
): Buffer {
  return withChecksum(
    `{"v":${FORMAT_VERSION},"n":${n},"t":"enqueue","d":{"id":${pieces.idJson},"kind":${pieces.kindJson},` +
      `"payload":${pieces.payloadJson},"enqueuedAt":${JSON.stringify(pieces.enqueuedAt)},"payloadHash":"${pieces.payloadHash}"}`,
  )
}

/** `head` is a record's JSON without its closing brace; adds the checksum field and the newline. */
function withChecksum(head: string): Buffer {
  const headLength = Buffer.byteLength(head)
  const line = Buffer.allocUnsafe(headLength + SUFFIX_LENGTH + 1)
  line.write(head, 0, 'utf8')
  const crc = crc32cHex(line.subarray(0, headLength))
  line.write(`,"c":"${crc}"}`, headLength, 'latin1')
  line[headLength + SUFFIX_LENGTH] = NEWLINE
  return line
}

/** `line` without its newline. True only if it ends with a checksum field that matches. */
export function checksumMatches(line: Buffer): boolean {
  if (line.length < SUFFIX_LENGTH + 2) return false
  const at = line.length - SUFFIX_LENGTH
  if (!line.subarray(at, at + SUFFIX_HEAD.length).equals(SUFFIX_HEAD)) return false
  if (!line.subarray(line.length - SUFFIX_TAIL.length).equals(SUFFIX_TAIL)) return false
  const stored = line.toString('latin1', at + SUFFIX_HEAD.length, line.length - SUFFIX_TAIL.length)
  if (!HEX.test(stored)) return false
  return crc32cHex(line.subarray(0, at)) === stored
}

export interface ParsedRecord {
  n: number
  body: RecordBody
}

export type ParseProblem =
  /** Passed its checksum but is not JSON (written so by something that is not this writer). */
  | { problem: 'json'; detail: string }
  /** A format version this Lifeguard does not know (a newer one wrote it). */
  | { problem: 'version'; version: unknown }
  | { problem: 'shape'; detail: string }

/** Parses a line whose checksum matched (call checksumMatches first). */
export function parseRecord(line: Buffer): ParsedRecord | ParseProblem {
  let raw: unknown
  try {
    raw = JSON.parse(line.toString('utf8'))
  } catch (error) {
    return { problem: 'json', detail: error instanceof Error ? error.message : String(error) }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problem: 'shape', detail: 'not a JSON object' }
  const record = raw as Record<string, unknown>
  if (record['v'] !== FORMAT_VERSION) return { problem: 'version', version: record['v'] }
  const keys = Object.keys(record).join(',')
  if (keys !== 'v,n,t,d,c') return { problem: 'shape', detail: `fields ${keys}` }
  const n = record['n']
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    return { problem: 'shape', detail: 'bad record number' }
  const t = record['t']
  if (typeof t !== 'string' || !recordTypes.includes(t as RecordType))
    return { problem: 'shape', detail: `unknown record type ${JSON.stringify(t)}` }
  const parsed = recordSchemas[t as RecordType].safeParse(record['d'])
  if (!parsed.success) return { problem: 'shape', detail: `bad ${t} data: ${parsed.error.message}` }
  return { n, body: { t, d: parsed.data } as RecordBody }
}

export function isProblem(result: ParsedRecord | ParseProblem): result is ParseProblem {
  return 'problem' in result
}
