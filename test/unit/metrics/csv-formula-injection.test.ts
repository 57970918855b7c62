import { describe, expect, it } from 'vitest'
import { csvText, metricsCsv } from '../../../src/main/engine/metrics/csv-export'
import type { MetricsSeries } from '../../../src/main/engine/metrics/metrics-sample'
import { parseCsv } from './support/parse-csv'
import { statsFor } from './support/stats'

const series: MetricsSeries = {
  profileId: 'x',
  range: '5m',
  resolutionMs: 1000,
  from: 0,
  to: 1000,
  points: [
    {
      at: 1000,
      stats: statsFor(3),
      latencyMs: null,
      latencyMinMs: null,
      latencyMaxMs: null,
      level: null,
      samples: 1,
    },
  ],
}

describe('metrics CSV formula injection', () => {
  it("prefixes a text cell starting with = + - @ (or tab / CR) with ' so spreadsheets show it as text", () => {
    for (const name of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const [, row] = parseCsv(metricsCsv([{ profileId: name, profileName: name, series }]))
      expect(row![1]).toBe(`'${name}`)
      expect(row![2]).toBe(`'${name}`)
    }
  })

  it('leaves other names and every number alone', () => {
    for (const name of ['orders', 'a=b', "'quoted", ' =lead space'])
      expect(csvText(name)).toBe(csvQuote(name))
    const [, row] = parseCsv(metricsCsv([{ profileId: 'x', profileName: 'plain', series }]))
    expect(row!.slice(4, 15).every((cell) => /^\d+(\.\d+)?$/.test(cell))).toBe(true)
  })
})

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
