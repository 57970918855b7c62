/**
 * What the page refuses to send, and why in plain words: files over 5 MiB anywhere; in browser
 * mode, anything whose WebSocket message would exceed the server's 256 KiB, measured exactly as
 * the client encodes it (JSON escapes included).
 */
import { describe, expect, it } from 'vitest'
import {
  fileSizeProblem,
  formatBytes,
  messageBytes,
  requestProblem,
} from '../../../src/renderer/src/features/import/import-file'
import { IMPORT_TEXT_MAX } from '../../../src/shared/schemas'
import { MAX_MESSAGE_BYTES } from '../../../src/shared/ws-protocol'

const servers = (text: string) => ({ kind: 'pgadmin' as const, text, fileName: 'servers.json' })

describe('import limits', () => {
  it('formats sizes as a person reads them', () => {
    expect(formatBytes(812)).toBe('812 bytes')
    expect(formatBytes(MAX_MESSAGE_BYTES)).toBe('256 KiB')
    expect(formatBytes(300 * 1024 + 1)).toBe('301 KiB')
    expect(formatBytes(IMPORT_TEXT_MAX)).toBe('5 MiB')
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MiB')
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MiB')
  })

  it('a file over 5 MiB is refused in both shells, naming the size and the limit', () => {
    for (const kind of ['ipc', 'websocket'] as const) {
      const problem = fileSizeProblem({ name: 'big.json', size: IMPORT_TEXT_MAX + 1 }, kind)
      expect(problem?.code).toBe('message-too-large')
      expect(problem?.message).toContain('“big.json” is 5 MiB')
      expect(problem?.message).toContain('files of up to 5 MiB')
    }
  })

  it('browser mode: a file over 256 KiB is refused and the WebSocket limit is named', () => {
    const problem = fileSizeProblem(
      { name: 'servers.json', size: MAX_MESSAGE_BYTES + 1 },
      'websocket',
    )
    expect(problem?.message).toContain('at most 256 KiB (the WebSocket message limit)')
    expect(problem?.message).toContain('desktop app')
  })

  it('desktop: the same file is fine, and so is one just under each limit', () => {
    expect(fileSizeProblem({ name: 'a', size: MAX_MESSAGE_BYTES + 1 }, 'ipc')).toBeNull()
    expect(fileSizeProblem({ name: 'a', size: MAX_MESSAGE_BYTES }, 'websocket')).toBeNull()
    expect(fileSizeProblem({ name: 'a', size: IMPORT_TEXT_MAX }, 'ipc')).toBeNull()
  })

  it('measures the message as the client sends it: envelope, JSON escapes, UTF-8', () => {
    const plain = messageBytes(servers('a'))
    expect(messageBytes(servers('aa'))).toBe(plain + 1)
    expect(messageBytes(servers('a"'))).toBe(plain + 2) // \" is two bytes
    expect(messageBytes(servers('a\n'))).toBe(plain + 2) // \n is two bytes
    expect(messageBytes(servers('aé'))).toBe(plain + 2) // é is two bytes of UTF-8
  })

  it('browser mode: text under 256 KiB that escapes past the limit is refused', () => {
    const text = '"'.repeat(150 * 1024) // 150 KiB of quotes: 300 KiB once escaped
    expect(new TextEncoder().encode(text).length).toBeLessThan(MAX_MESSAGE_BYTES)
    const problem = requestProblem(servers(text), 'websocket')
    expect(problem?.code).toBe('message-too-large')
    expect(problem?.message).toMatch(/is 30\d KiB once encoded/)
    expect(requestProblem(servers(text), 'ipc')).toBeNull()
  })

  it('a request right at the limit passes; one byte more does not', () => {
    const base = messageBytes(servers(''))
    const fits = 'x'.repeat(MAX_MESSAGE_BYTES - base)
    expect(messageBytes(servers(fits))).toBe(MAX_MESSAGE_BYTES)
    expect(requestProblem(servers(fits), 'websocket')).toBeNull()
    expect(requestProblem(servers(`${fits}x`), 'websocket')?.code).toBe('message-too-large')
  })

  it('the contract’s own limits apply (pasted text at most 8 KiB)', () => {
    const problem = requestProblem({ kind: 'pasted', text: 'x'.repeat(8 * 1024 + 1) }, 'ipc')
    expect(problem).toEqual({
      code: 'validation',
      message: 'pasted text must be at most 8192 characters',
    })
    expect(requestProblem({ kind: 'pasted', text: 'host=db' }, 'websocket')).toBeNull()
  })
})
