import { describe, expect, it } from 'vitest'
import { metricsExportFileName } from '../../../src/main/engine/metrics/export-file-name'

const AT = Date.UTC(2026, 6, 4, 13, 5, 9)

describe('metrics export file names', () => {
  it('names the profile (as a slug) or "all", the UTC time and the format', () => {
    expect(metricsExportFileName('json', AT)).toBe('lifeguard-metrics-all-2026-07-04-13-05-09.json')
    expect(metricsExportFileName('csv', AT, 'Orders Primary')).toBe(
      'lifeguard-metrics-orders-primary-2026-07-04-13-05-09.csv',
    )
    expect(metricsExportFileName('prometheus', AT, 'x')).toMatch(/\.prom$/)
  })

  it('keeps a hostile name from adding a directory, dot-dot or an extension', () => {
    for (const name of [
      '../../etc/passwd',
      'a/b\\c',
      'evil.exe',
      '<script>',
      '',
      '...',
      'ünï 🐘',
    ]) {
      const file = metricsExportFileName('csv', AT, name)
      expect(file).toMatch(/^lifeguard-metrics-[a-z0-9-]+-2026-07-04-13-05-09\.csv$/)
      expect(file).not.toContain('..')
    }
  })
})
