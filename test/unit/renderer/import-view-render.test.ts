/**
 * The import dialog's content: source tabs, the preview table (checkbox per row, only new rows
 * enabled and pre-checked, status badges with reasons, password source in words), the problems
 * list, the count on the confirm button, the spinner while reading, errors, and file text
 * rendered as text.
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import {
  ImportView,
  type ImportViewProps,
} from '../../../src/renderer/src/features/import/import-view'
import type { ImportState } from '../../../src/renderer/src/features/import/import-model'
import { candidate, mixedPreview, previewView, row } from './import-fixture'
import { all, byTestId, render, text } from './render-fixture'

const none = async () => undefined
const controller: ImportViewProps['controller'] = {
  choose: () => undefined,
  readLocal: none,
  readPgadminFile: none,
  readPasted: none,
  toggle: () => undefined,
  selectAll: () => undefined,
  confirm: none,
}

function show(state: ImportState, transportKind: 'ipc' | 'websocket' = 'websocket') {
  return render(
    createElement(ImportView, {
      id: 'imp',
      state,
      profiles: [{ id: 'p1', name: 'billing' }],
      transportKind,
      controller,
      onClose: () => undefined,
    }),
  )
}

const previewing = (selected = [0, 3]): ImportState => ({
  phase: 'previewing',
  source: 'pgpass',
  preview: mixedPreview(),
  selected,
  error: null,
})

function checkbox(html: string) {
  const input = /<input[^>]*type="checkbox"[^>]*>/.exec(html)?.[0] ?? ''
  return { checked: / checked=""/.test(input), disabled: / disabled=""/.test(input) }
}

function confirmButton(html: string) {
  const b = byTestId(html, 'import-confirm') ?? ''
  return { text: text(b), disabled: / disabled=""/.test(b.slice(0, b.indexOf('>'))) }
}

describe('import view', () => {
  it('four sources as tabs, the chosen one selected', () => {
    const html = show({ phase: 'choosing', source: 'service-file', error: null })
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>([^<]*)<\/button>/g)]
    expect(tabs.map((t) => t[1])).toEqual([
      '.pgpass',
      'Service file',
      'pgAdmin servers.json',
      'Paste',
    ])
    expect(tabs.map((t) => /aria-selected="true"/.test(t[0]))).toEqual([false, true, false, false])
    expect(byTestId(html, 'import-source-panel')).toContain('data-source="service-file"')
    expect(html).toContain('Read service files')
  })

  it('nothing read yet: no table, a disabled Import', () => {
    const html = show({ phase: 'choosing', source: 'pgpass', error: null })
    expect(byTestId(html, 'import-preview-table')).toBeUndefined()
    expect(confirmButton(html)).toEqual({ text: 'Import profiles', disabled: true })
  })

  it('a row per candidate; only new rows are enabled, and the selected ones checked', () => {
    const rows = all(show(previewing([3])), 'import-row')
    expect(rows.map((r) => /data-status="(\w+)"/.exec(r)?.[1])).toEqual([
      'new',
      'duplicate',
      'invalid',
      'new',
    ])
    expect(rows.map(checkbox)).toEqual([
      { checked: false, disabled: false },
      { checked: false, disabled: true },
      { checked: false, disabled: true },
      { checked: true, disabled: false },
    ])
  })

  it('each row: name, group, hosts, port, database, user, sslmode, password source, status', () => {
    const html = show(previewing())
    const cells = [...(all(html, 'import-row')[0] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
    expect(cells.slice(1).map((c) => text(c[1]))).toEqual([
      'orders',
      '–',
      'db.example.com',
      '5432',
      'orders',
      'app',
      'prefer',
      '.pgpass',
      '+ New',
    ])
  })

  it('status badges name the duplicated profile and give the reasons', () => {
    const html = show(previewing())
    const statuses = all(html, 'import-status').map(text)
    expect(statuses).toEqual(['+ New', '= Duplicate of “billing”', '✕ Invalid', '+ New'])
    expect(all(html, 'import-reasons').map(text)).toEqual([
      'same host, port, database and user as the profile "billing"',
      'host must be a host name, an IPv4 or IPv6 address, or a socket directory',
    ])
  })

  it('the problems list: severity, where, message', () => {
    const problem = all(show(previewing()), 'import-problem')
    expect(problem).toHaveLength(1)
    expect(problem[0]).toContain('data-severity="warning"')
    expect(text(problem[0])).toBe(
      '▲ Warning /home/me/.pgpass:5 line 5 has a wildcard host or user: it supplies passwords only',
    )
  })

  it('the confirm button counts the selected rows; disabled with none', () => {
    expect(confirmButton(show(previewing()))).toEqual({
      text: 'Import 2 profiles',
      disabled: false,
    })
    expect(confirmButton(show(previewing([0])))).toEqual({
      text: 'Import 1 profile',
      disabled: false,
    })
    expect(confirmButton(show(previewing([])))).toEqual({
      text: 'Import 0 profiles',
      disabled: true,
    })
  })

  it('while confirming: every checkbox and the button are disabled, the button busy', () => {
    const html = show({
      phase: 'confirming',
      source: 'pgpass',
      preview: mixedPreview(),
      selected: [0],
    })
    expect(all(html, 'import-row').map((r) => checkbox(r).disabled)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(byTestId(html, 'import-confirm')).toContain('aria-busy="true"')
    expect(confirmButton(html).disabled).toBe(true)
  })

  it('while reading: a spinner and what is being read', () => {
    const html = show({ phase: 'reading', source: 'pgadmin', activity: 'Reading servers.json…' })
    expect(text(byTestId(html, 'import-progress'))).toBe('Reading servers.json…')
    expect(byTestId(html, 'import-progress')).toContain('class="spinner"')
  })

  it('a refusal is shown; too large is said plainly', () => {
    const html = show({
      phase: 'choosing',
      source: 'pgadmin',
      error: { code: 'message-too-large', message: '“servers.json” is 300 KiB' },
    })
    expect(text(byTestId(html, 'import-error'))).toBe(
      '✕ Too large to import : “servers.json” is 300 KiB',
    )
  })

  it('the pgAdmin tab states the limit of this shell', () => {
    const browser = show({ phase: 'choosing', source: 'pgadmin', error: null }, 'websocket')
    expect(text(browser)).toContain('at most 256 KiB in browser mode (the WebSocket message limit)')
    const desktop = show({ phase: 'choosing', source: 'pgadmin', error: null }, 'ipc')
    expect(text(desktop)).toContain('at most 5 MiB.')
  })

  it('names and hosts from a file are text, never markup', () => {
    const payload = '<img src=x onerror=alert(1)>'
    const state: ImportState = {
      phase: 'previewing',
      source: 'pgadmin',
      preview: previewView([
        row(0, 'new', { candidate: candidate({ name: payload, group: payload }) }),
      ]),
      selected: [0],
      error: null,
    }
    const html = show(state)
    expect(html).not.toContain('<img')
    expect(text(byTestId(html, 'import-row'))).toContain(payload)
  })

  it('a source with nothing to import says so', () => {
    const state: ImportState = {
      phase: 'previewing',
      source: 'service-file',
      preview: previewView([]),
      selected: [],
      error: null,
    }
    expect(text(byTestId(show(state), 'import-empty'))).toBe(
      'No connection found in this source to import.',
    )
  })
})
