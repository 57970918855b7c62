/**
 * The timeline table: every attempt, newest first, with time, number, trigger, scheduled and
 * actual delay (only for scheduled attempts), duration, outcome in words, class and message.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { AttemptTable } from '../../../src/renderer/src/features/health/attempt-table'
import { clockTime } from '../../../src/renderer/src/lib/countdown'
import type { AttemptRecord } from '../../../src/shared/domain'
import { attempt, T0 } from './health-fixture'
import { all, byTestId, render, text } from './render-fixture'

const show = (attempts: AttemptRecord[]) => render(createElement(AttemptTable, { attempts }))
const cells = (row: string) =>
  [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => text(m[1] ?? ''))

const probe = attempt(0, { trigger: 'probe', at: T0, scheduledDelayMs: 0, actualDelayMs: 0 })
const first = attempt(1, { at: T0 + 1_000, scheduledDelayMs: 1_000, actualDelayMs: 1_004 })
const second = attempt(2, { at: T0 + 3_000, scheduledDelayMs: 2_000, actualDelayMs: 2_900 })
const manual = attempt(3, {
  trigger: 'manual',
  at: T0 + 4_000,
  scheduledDelayMs: 0,
  actualDelayMs: 0,
  durationMs: 140,
  outcome: 'success',
  errorClass: null,
  errorCode: null,
  message: null,
})

describe('attempt table', () => {
  it('says so when there is nothing yet', () => {
    const html = show([])
    expect(byTestId(html, 'attempts-empty')).toBeDefined()
    expect(byTestId(html, 'attempt-table')).toBeUndefined()
  })

  it('one row per record, newest first', () => {
    const rows = all(show([probe, first, second, manual]), 'attempt-row')
    expect(rows.map((r) => /data-at="(\d+)"/.exec(r)?.[1])).toEqual(
      [manual, second, first, probe].map((r) => String(r.at)),
    )
  })

  it('a failed scheduled attempt: every column', () => {
    const [row] = all(show([first]), 'attempt-row')
    expect(row).toContain('data-outcome="failure"')
    expect(row).toContain('data-trigger="scheduled"')
    expect(cells(row ?? '')).toEqual([
      clockTime(first.at, true),
      '#1',
      'Scheduled',
      '1.00 s',
      '1.00 s',
      '12 ms',
      '✕ Failure',
      'Transient',
      'connection refused by 127.0.0.1:5432 [connection-refused]',
    ])
  })

  it('a late attempt shows by how much it was late', () => {
    const [row] = all(show([second]), 'attempt-row')
    expect(cells(row ?? '')[4]).toBe('2.90 s (+900 ms)')
  })

  it('attempts that ran at once have no delays; a failed probe is called a probe', () => {
    const rows = all(show([probe, manual]), 'attempt-row')
    const [manualCells, probeCells] = rows.map(cells)
    expect(manualCells?.slice(1, 9)).toEqual([
      '#3',
      'Manual',
      '–',
      '–',
      '140 ms',
      '✓ Success',
      '–',
      '',
    ])
    expect(probeCells?.slice(1, 5)).toEqual(['probe', 'Probe', '–', '–'])
  })

  it('messages are text: markup in them is escaped, never rendered', () => {
    const evil = attempt(1, { message: '<img src=x onerror=alert(1)><script>x()</script>' })
    const html = show([evil])
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(text(byTestId(html, 'attempt-message'))).toBe(`${evil.message} [connection-refused]`)
  })
})
