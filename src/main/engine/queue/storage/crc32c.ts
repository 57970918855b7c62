/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of every queue record, as
 * LevelDB, ext4 and iSCSI use it: it catches every burst error up to 32 bits and every odd number
 * of flipped bits. Slice-by-8 tables: about 1 ns a byte in V8.
 */
const POLY = 0x82f63b78

function makeTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256))
  const t0 = tables[0]!
  for (let i = 0; i < 256; i++) {
    let c = i
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1
    t0[i] = c >>> 0
  }
  for (let i = 0; i < 256; i++) {
    let c = t0[i]!
    for (let t = 1; t < 8; t++) {
      c = (c >>> 8) ^ t0[c & 0xff]!
      tables[t]![i] = c >>> 0
    }
  }
  return tables
}

const [T0, T1, T2, T3, T4, T5, T6, T7] = makeTables() as [
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
]

/** CRC-32C of `bytes` (an unsigned 32-bit number). */
export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff
  let i = 0
  const end8 = bytes.length - (bytes.length % 8)
  while (i < end8) {
    const a =
      (crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>>
      0
    crc =
      T7[a & 0xff]! ^
      T6[(a >>> 8) & 0xff]! ^
      T5[(a >>> 16) & 0xff]! ^
      T4[a >>> 24]! ^
      T3[bytes[i + 4]!]! ^
      T2[bytes[i + 5]!]! ^
      T1[bytes[i + 6]!]! ^
      T0[bytes[i + 7]!]!
    i += 8
  }
  while (i < bytes.length) crc = (crc >>> 8) ^ T0[(crc ^ bytes[i++]!) & 0xff]!
  return (crc ^ 0xffffffff) >>> 0
}

/** The checksum as written in a record: 8 lower-case hex digits. */
export function crc32cHex(bytes: Uint8Array): string {
  return crc32c(bytes).toString(16).padStart(8, '0')
}
