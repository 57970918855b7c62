/**
 * The export dialog's request (scope, format, range only where there is a series) and the
 * browser-mode download: main's file name reduced to a safe base name, the content as a Blob.
 */
import { describe, expect, it } from 'vitest'
import {
  download,
  downloadName,
  exportRequest,
  type DownloadTarget,
} from '../../../src/renderer/src/features/export/export-model'
import { exportMetricsRequestSchema } from '../../../src/shared/schemas'
import { saveMetricsRequestSchema } from '../../../src/shared/cockpit-schemas'

describe('export request', () => {
  it('one profile as JSON over 24 h', () => {
    const request = exportRequest({ profileId: 'p1', format: 'json', range: '24h' })
    expect(request).toEqual({ ids: ['p1'], format: 'json', range: '24h' })
    expect(exportMetricsRequestSchema.safeParse(request).success).toBe(true)
    expect(saveMetricsRequestSchema.safeParse(request).success).toBe(true)
  })

  it('every profile: no ids', () => {
    expect(exportRequest({ profileId: null, format: 'csv', range: '5m' })).toEqual({
      format: 'csv',
      range: '5m',
    })
  })

  it('Prometheus text has no range (current values only)', () => {
    expect(exportRequest({ profileId: 'p1', format: 'prometheus', range: '1h' })).toEqual({
      ids: ['p1'],
      format: 'prometheus',
    })
  })
})

describe('download name', () => {
  it('keeps main’s file name', () => {
    expect(downloadName('lifeguard-metrics-orders-20260101-0930.json', 'json')).toBe(
      'lifeguard-metrics-orders-20260101-0930.json',
    )
  })

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\metrics.csv', 'metrics.csv'],
    ['.hidden.prom', 'hidden.prom'],
    ['a<b>:c|d?.json', 'a_b__c_d_.json'],
    ['line\nbreak.csv', 'line_break.csv'],
  ])('%j becomes %j', (given, expected) => {
    expect(downloadName(given, 'json')).toBe(expected)
  })

  it('nothing usable left: a default name with the format’s extension', () => {
    expect(downloadName('../', 'prometheus')).toBe('lifeguard-metrics.prom')
    expect(downloadName('', 'csv')).toBe('lifeguard-metrics.csv')
  })
})

describe('download', () => {
  it('offers the content as a Blob under the safe name, then revokes the URL', async () => {
    const clicks: [string, string][] = []
    const blobs: Blob[] = []
    const revoked: string[] = []
    const deferred: (() => void)[] = []
    const target: DownloadTarget = {
      later: (task) => void deferred.push(task),
      createObjectURL: (blob) => {
        blobs.push(blob)
        return 'blob:1'
      },
      revokeObjectURL: (url) => void revoked.push(url),
      click: (href, name) => void clicks.push([href, name]),
    }
    const name = download(
      { fileName: 'x/../metrics.prom', contentType: 'text/plain; version=0.0.4', content: 'a 1\n' },
      'prometheus',
      target,
    )
    expect(name).toBe('metrics.prom')
    expect(clicks).toEqual([['blob:1', 'metrics.prom']])
    expect(blobs[0]?.type).toBe('text/plain; version=0.0.4')
    expect(await blobs[0]?.text()).toBe('a 1\n')
    expect(revoked).toEqual([])
    for (const task of deferred) task()
    expect(revoked).toEqual(['blob:1'])
  })
})
