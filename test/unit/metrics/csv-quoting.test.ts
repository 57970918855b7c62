import { describe, expect, it } from 'vitest'
import { csvQuote, metricsCsv } from '../../../src/main/engine/metrics/csv-export'
import type { MetricsSeries } from '../../../src/main/engine/metrics/metrics-sample'
import { parseCsv } from './support/parse-csv'
import { statsFor } from './support/stats'

function oneRow(profileName: string, profileId = 'id'): string[][] {
  const series: MetricsSeries = {
    profileId,
    range: '5m',
    resolutionMs: 1000,
    from: 0,
    to: 1000,
    points: [
      {
        at: 1000,
        stats: statsFor(1),
        latencyMs: 1,
        latencyMinMs: 1,
        latencyMaxMs: 1,
        level: 'healthy',
        samples: 1,
      },
    ],
  }
  return parseCsv(metricsCsv([{ profileId, profileName, series }]))
}

describe('metrics CSV quoting (RFC 4180)', () => {
  it('quotes a field with a comma, a quote, CR or LF and doubles its quotes', () => {
    expect(csvQuote('plain')).toBe('plain')
    expect(csvQuote('a,b')).toBe('"a,b"')
    expect(csvQuote('say "hi"')).toBe('"say ""hi"""')
    expect(csvQuote('two\nlines')).toBe('"two\nlines"')
    expect(csvQuote('cr\rhere')).toBe('"cr\rhere"')
    expect(csvQuote('')).toBe('')
  })

  it('gives back awkward profile names exactly through a strict RFC 4180 reader', () => {
    for (const name of [
      'a,b',
      'say "hi", twice ""',
      'multi\r\nline\nname\r',
      'tab\tin',
      'Ünïcødé 🐘',
      ' spaced ',
    ]) {
      const rows = oneRow(name, `${name}-id`)
      expect(rows).toHaveLength(2)
      expect(rows[1]![1]).toBe(`${name}-id`)
      expect(rows[1]![2]).toBe(name)
      expect(rows[1]).toHaveLength(rows[0]!.length)
    }
  })

  it('ends every record with CRLF', () => {
    const text = metricsCsv([])
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })
})
