/**
 * The record line: human-readable JSON with the format version, type, number, data and a
 * CRC-32C that closes the line; every flipped bit is caught by the checksum, and a line whose
 * checksum fails is never handed to JSON.parse.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  checksumMatches,
  encodeEnqueueLine,
  encodeRecord,
  FORMAT_VERSION,
  parseRecord,
} from '../../../../src/main/engine/queue/storage/record-format'
import { scanLog } from '../../../../src/main/engine/queue/storage/log-scan'
import { emptyState } from '../../../../src/main/engine/queue/storage/log-state'
import { encodeGeneration } from '../../../../src/main/engine/queue/storage/generation-file'
import {
  payloadHash,
  payloadHashOfJson,
  payloadJson,
} from '../../../../src/main/engine/queue/storage/payload-hash'

const payload = {
  sql: 'INSERT INTO t (a, b) VALUES ($1, $2) -- it\'s "quoted"\n',
  params: ['ü ✓ \u0000', -0.5],
}
const enqueue = {
  t: 'enqueue' as const,
  d: {
    id: 'op-1',
    kind: 'statement' as const,
    payload,
    payloadHash: payloadHash('statement', payload),
    enqueuedAt: 5,
  },
}

describe('a record line', () => {
  it('is one line of JSON carrying version, number, type, data and checksum', () => {
    const line = encodeRecord(7, enqueue)
    expect(line.at(-1)).toBe(0x0a)
    expect(line.subarray(0, -1).includes(0x0a)).toBe(false)
    const json = JSON.parse(line.toString('utf8'))
    expect(Object.keys(json)).toEqual(['v', 'n', 't', 'd', 'c'])
    expect(json).toMatchObject({ v: FORMAT_VERSION, n: 7, t: 'enqueue', d: enqueue.d })
    expect(json.c).toMatch(/^[0-9a-f]{8}$/)
    expect(parseRecord(line.subarray(0, -1))).toEqual({ n: 7, body: enqueue })
  })

  it('of an enqueue built from pieces is byte for byte the generic one (and its hash the same)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 80 })
    const param = fc.oneof(
      text,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    )
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(param, { maxLength: 6 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.nat(),
        (id, sql, params, enqueuedAt, n) => {
          const kind = 'statement' as const
          const payload = { params, sql }
          const kindJson = JSON.stringify(kind)
          const hash = payloadHashOfJson(kindJson, payloadJson(payload))
          expect(hash).toBe(payloadHash(kind, payload))
          const pieces = {
            idJson: JSON.stringify(id),
            kindJson,
            payloadJson: payloadJson(payload),
            enqueuedAt,
            payloadHash: hash,
          }
          const generic = encodeRecord(n, {
            t: 'enqueue',
            d: { id, kind, payload, enqueuedAt, payloadHash: hash },
          })
          expect(encodeEnqueueLine(n, pieces).equals(generic)).toBe(true)
        },
      ),
      { numRuns: 300, seed: 5 },
    )
  })

  it('fails its checksum for every single flipped bit', () => {
    const line = encodeRecord(3, enqueue).subarray(0, -1)
    expect(checksumMatches(line)).toBe(true)
    for (let byte = 0; byte < line.length; byte++)
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Buffer.from(line)
        flipped[byte]! ^= 1 << bit
        expect(checksumMatches(flipped), `byte ${byte} bit ${bit}`).toBe(false)
      }
  })

  it('is checked before it is parsed: a line failing its checksum never reaches JSON.parse', () => {
    const good = Buffer.concat(encodeGeneration(emptyState(), 1, 'p1', 0))
    const record = encodeRecord(1, enqueue)
    const bad = Buffer.from(record)
    bad[20]! ^= 0x01
    const spy = vi.spyOn(JSON, 'parse')
    try {
      const result = scanLog(
        Buffer.concat([good, bad, encodeRecord(2, { t: 'applied', d: { seq: 1 } })]),
        {
          generation: 1,
          profileId: 'p1',
        },
      )
      expect(result.damage?.reason).toMatch(/checksum/)
      const parsed = spy.mock.calls.map(([text]) => String(text))
      expect(parsed).toHaveLength(1)
      expect(parsed[0]).toContain('"t":"base"')
    } finally {
      spy.mockRestore()
    }
  })
})
