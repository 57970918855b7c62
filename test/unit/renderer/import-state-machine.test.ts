/**
 * The import dialog's state machine: reading, preview (only 'new' rows pre-selected and
 * selectable), confirming, done; refusals and failed confirms keep the user where they were.
 */
import { describe, expect, it } from 'vitest'
import {
  importReducer,
  initialImportState,
  type ImportAction,
  type ImportState,
} from '../../../src/renderer/src/features/import/import-model'
import { mixedPreview } from './import-fixture'
import { profile } from './store-fixture'

const run = (...actions: ImportAction[]): ImportState =>
  actions.reduce(importReducer, initialImportState)

const previewed = (): ImportAction[] => [
  { type: 'read', activity: 'Reading the password file…' },
  { type: 'previewed', preview: mixedPreview() },
]

const failure = { code: 'not-found', message: 'this import preview has expired' } as const

describe('import state machine', () => {
  it('starts choosing, on .pgpass, with no error', () => {
    expect(initialImportState).toEqual({ phase: 'choosing', source: 'pgpass', error: null })
  })

  it('read -> reading with what the spinner says', () => {
    expect(run({ type: 'read', activity: 'Reading servers.json…' })).toEqual({
      phase: 'reading',
      source: 'pgpass',
      activity: 'Reading servers.json…',
    })
  })

  it('previewed -> previewing with only the new rows selected', () => {
    const state = run(...previewed())
    expect(state.phase).toBe('previewing')
    if (state.phase === 'previewing') expect(state.selected).toEqual([0, 3])
  })

  it('a preview that arrives when nothing is being read is ignored', () => {
    expect(run({ type: 'previewed', preview: mixedPreview() })).toEqual(initialImportState)
  })

  it('toggle picks and unpicks new rows, kept in ascending order', () => {
    const state = run(
      ...previewed(),
      { type: 'toggle', index: 0 },
      { type: 'toggle', index: 3 },
      { type: 'toggle', index: 3 },
      { type: 'toggle', index: 0 },
    )
    expect(state.phase === 'previewing' && state.selected).toEqual([0, 3])
    const one = run(...previewed(), { type: 'toggle', index: 0 })
    expect(one.phase === 'previewing' && one.selected).toEqual([3])
  })

  it.each([1, 2, 99])('row %i (duplicate, invalid or absent) cannot be picked', (index) => {
    const before = run(...previewed())
    expect(importReducer(before, { type: 'toggle', index })).toBe(before)
  })

  it('select-all picks every new row, or none', () => {
    const none = run(...previewed(), { type: 'select-all', on: false })
    expect(none.phase === 'previewing' && none.selected).toEqual([])
    const all = run(
      ...previewed(),
      { type: 'select-all', on: false },
      { type: 'select-all', on: true },
    )
    expect(all.phase === 'previewing' && all.selected).toEqual([0, 3])
  })

  it('confirm needs at least one row', () => {
    const none = run(...previewed(), { type: 'select-all', on: false })
    expect(importReducer(none, { type: 'confirm' })).toBe(none)
    expect(run(...previewed(), { type: 'confirm' }).phase).toBe('confirming')
  })

  it('while confirming, the selection and the source are frozen', () => {
    const confirming = run(...previewed(), { type: 'confirm' })
    for (const action of [
      { type: 'toggle', index: 0 },
      { type: 'select-all', on: false },
      { type: 'choose', source: 'pasted' },
      { type: 'read', activity: 'x' },
      { type: 'refused', error: failure },
    ] as const)
      expect(importReducer(confirming, action)).toBe(confirming)
  })

  it('a failed confirm goes back to the preview with the error and the same selection', () => {
    const state = run(
      ...previewed(),
      { type: 'toggle', index: 3 },
      { type: 'confirm' },
      {
        type: 'confirm-failed',
        error: failure,
      },
    )
    expect(state).toMatchObject({ phase: 'previewing', selected: [0], error: failure })
  })

  it('confirmed -> done with the created profiles', () => {
    const created = [profile('new1')]
    expect(run(...previewed(), { type: 'confirm' }, { type: 'confirmed', created })).toEqual({
      phase: 'done',
      source: 'pgpass',
      created,
    })
  })

  it('a refusal while reading goes back to choosing, with the error', () => {
    expect(run({ type: 'read', activity: 'x' }, { type: 'refused', error: failure })).toEqual({
      phase: 'choosing',
      source: 'pgpass',
      error: failure,
    })
  })

  it('choosing another source drops the preview and the error', () => {
    expect(run(...previewed(), { type: 'choose', source: 'service-file' })).toEqual({
      phase: 'choosing',
      source: 'service-file',
      error: null,
    })
    const afterError = run(
      { type: 'refused', error: failure },
      { type: 'choose', source: 'pasted' },
    )
    expect(afterError).toEqual({ phase: 'choosing', source: 'pasted', error: null })
  })

  it('a new read from the preview keeps the source', () => {
    const state = run({ type: 'choose', source: 'pgadmin' }, ...previewed(), {
      type: 'read',
      activity: 'again',
    })
    expect(state).toEqual({ phase: 'reading', source: 'pgadmin', activity: 'again' })
  })
})
