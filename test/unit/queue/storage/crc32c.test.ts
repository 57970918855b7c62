/** CRC-32C against the published check values (RFC 3720 B.4 and the CRC catalogue). */
import { describe, expect, it } from 'vitest'
import { crc32c, crc32cHex } from '../../../../src/main/engine/queue/storage/crc32c'

describe('crc32c', () => {
  it('matches the published check values', () => {
    expect(crc32cHex(Buffer.from('123456789'))).toBe('e3069283')
    expect(crc32cHex(Buffer.alloc(32, 0x00))).toBe('8a9136aa')
    expect(crc32cHex(Buffer.alloc(32, 0xff))).toBe('62a8ab43')
    expect(crc32cHex(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe('46dd794e')
    expect(crc32cHex(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe('113fdb5c')
    expect(crc32c(Buffer.alloc(0))).toBe(0)
  })

  it('gives the same value on every length and alignment (the 8-byte loop and the tail agree)', () => {
    const data = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37 + 11) & 0xff))
    const bytewise = (bytes: Uint8Array) => {
      let c = 0xffffffff
      for (const b of bytes) {
        c ^= b
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1
      }
      return (c ^ 0xffffffff) >>> 0
    }
    for (let start = 0; start < 9; start++)
      for (let end = start; end <= data.length; end++)
        expect(crc32c(data.subarray(start, end))).toBe(bytewise(data.subarray(start, end)))
  })
})
