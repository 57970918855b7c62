/**
 * Reading the small libpq text files (.pgpass, pg_service.conf) the way libpq meets them: one
 * open, one fstat on the open handle (so what is checked is what is read), a refusal of anything
 * that is not a regular file, then the bytes split into physical lines on '\n' (fgets).
 *
 * Used by both the .pgpass and the service-file readers. Nothing here ever returns or reports
 * file content except as the lines handed to the caller.
 */
import fs from 'node:fs'

/** Files above this size are not read at all (a .pgpass or service file is a few KiB). */
export const MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024

export interface TextLine {
  /** 1-based physical line number. */
  number: number
  /**
   * The line without its '\n' (a '\r' before it is kept: each format strips what libpq strips).
   * null when the bytes cannot be represented faithfully: see `defect`.
   */
  text: string | null
  defect: 'nul-byte' | 'invalid-utf8' | null
  /** Byte length as fgets sees it: the line plus its '\n' when it has one. */
  bytesWithNewline: number
}

export type TextFileRead =
  | { kind: 'read'; mode: number; lines: TextLine[] }
  | { kind: 'missing' }
  | { kind: 'not-regular-file' }
  /** `accept` refused the file's mode bits; nothing was read. */
  | { kind: 'rejected'; mode: number }
  | { kind: 'too-large'; size: number }
  /** Any other failure; `code` is the errno name (EACCES, EISDIR, ...), never a message. */
  | { kind: 'io-error'; code: string }

export interface TextFileOptions {
  platform: NodeJS.Platform
  /** Decides from the mode bits whether to read the file at all (the .pgpass 0600 rule). */
  accept?: (mode: number) => boolean
  maxBytes?: number
}

function errnoCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'EIO'
}

/**
 * Opens, checks and reads a text file. Never throws: every failure is a `kind`.
 *
 * The open is non-blocking on POSIX so that a FIFO planted at the path cannot hang the main
 * process; the fstat that follows then refuses it as not a regular file (libpq's S_ISREG check,
 * done there with stat() before fopen()).
 */
export async function readTextFile(path: string, options: TextFileOptions): Promise<TextFileRead> {
  const flags =
    options.platform === 'win32'
      ? fs.constants.O_RDONLY
      : fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(path, flags)
  } catch (err) {
    const code = errnoCode(err)
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'EISDIR') return { kind: 'not-regular-file' }
    return { kind: 'io-error', code }
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return { kind: 'not-regular-file' }
    if (options.accept && !options.accept(stats.mode)) {
      return { kind: 'rejected', mode: stats.mode }
    }
    const max = options.maxBytes ?? MAX_TEXT_FILE_BYTES
    if (stats.size > max) return { kind: 'too-large', size: stats.size }
    const bytes = await handle.readFile()
    if (bytes.length > max) return { kind: 'too-large', size: bytes.length }
    return { kind: 'read', mode: stats.mode, lines: splitLines(bytes) }
  } catch (err) {
    return { kind: 'io-error', code: errnoCode(err) }
  } finally {
    await handle.close().catch(() => undefined)
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Splits bytes into physical lines on '\n', as successive fgets calls return them. */
export function splitLines(bytes: Uint8Array): TextLine[] {
  const lines: TextLine[] = []
  let start = 0
  let number = 0
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline < 0 ? bytes.length : newline
    const hasNewline = newline >= 0
    const chunk = bytes.subarray(start, end)
    number++
    lines.push(decodeLine(number, chunk, chunk.length + (hasNewline ? 1 : 0)))
    start = end + 1
  }
  return lines
}

function decodeLine(number: number, chunk: Uint8Array, bytesWithNewline: number): TextLine {
  if (chunk.includes(0)) return { number, text: null, defect: 'nul-byte', bytesWithNewline }
  try {
    // ignoreBOM keeps a leading U+FEFF in the text: libpq reads those bytes as content too.
    return { number, text: utf8.decode(chunk), defect: null, bytesWithNewline }
  } catch {
    return { number, text: null, defect: 'invalid-utf8', bytesWithNewline }
  }
}
