/** Words of the import preview: status badges (naming the duplicated profile), counts, hosts. */
import { describe, expect, it } from 'vitest'
import {
  hostsText,
  importButtonLabel,
  passwordSourceLabels,
  passwordSourceText,
  portsText,
  selectableRows,
  statusLabel,
} from '../../../src/renderer/src/features/import/import-model'
import { candidate, mixedPreview, row } from './import-fixture'

const saved = [{ id: 'p1', name: 'billing' }]

describe('import labels', () => {
  it('new and invalid rows say so with an icon', () => {
    expect(statusLabel(row(0, 'new'), [], saved)).toEqual({ icon: '+', text: 'New' })
    expect(statusLabel(row(0, 'invalid'), [], saved)).toEqual({ icon: '✕', text: 'Invalid' })
  })

  it('a duplicate of a saved profile names it', () => {
    const dup = row(1, 'duplicate', { duplicateOf: 'p1' })
    expect(statusLabel(dup, [], saved).text).toBe('Duplicate of “billing”')
    expect(statusLabel(dup, [], []).text).toBe('Duplicate of “a saved profile”')
  })

  it('a duplicate of an earlier row names the row (1-based) and its name', () => {
    const rows = [row(0, 'new', { candidate: candidate({ name: 'orders' }) })]
    const dup = row(1, 'duplicate', { duplicateOfRow: 0 })
    expect(statusLabel(dup, rows, saved).text).toBe('Duplicate of row 1 (“orders”)')
  })

  it('the confirm button counts profiles', () => {
    expect(importButtonLabel(0)).toBe('Import 0 profiles')
    expect(importButtonLabel(1)).toBe('Import 1 profile')
    expect(importButtonLabel(12)).toBe('Import 12 profiles')
  })

  it('hosts and ports in libpq order', () => {
    const c = candidate({ hosts: ['a', 'b'], ports: [5432, 5433] })
    expect(hostsText(c)).toBe('a, b')
    expect(portsText(c)).toBe('5432, 5433')
  })

  it('every password source has words, none of them a password', () => {
    expect(Object.values(passwordSourceLabels)).toEqual([
      'none',
      '.pgpass',
      'in the text',
      'pgAdmin passfile (not read)',
    ])
  })

  it('an inline password names where it is written', () => {
    const inline = { passwordSource: 'inline' as const }
    expect(
      passwordSourceText(candidate({ ...inline, origin: { kind: 'uri', where: 'pasted' } })),
    ).toBe('in the text')
    expect(
      passwordSourceText(candidate({ ...inline, origin: { kind: 'service-file', where: 'a:1' } })),
    ).toBe('in the service file')
    expect(passwordSourceText(candidate({ passwordSource: 'pgpass' }))).toBe('.pgpass')
  })

  it('only new rows are selectable', () => {
    expect(selectableRows(mixedPreview())).toEqual([0, 3])
  })
})
