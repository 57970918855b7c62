/**
 * A preferences file that cannot be read, or does not have the expected shape, is moved aside and
 * reported as a warning; the defaults apply and the original is kept byte for byte.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PREFERENCES_FILE } from '../../../src/main/engine/preferences/preferences-file'
import { PreferencesStore } from '../../../src/main/engine/preferences/preferences-store'
import { tempDir } from '../../helpers/temp-dir'

let cleanup = () => undefined as void
afterEach(() => cleanup())

const wall = Date.UTC(2026, 4, 1, 12, 0, 0)

describe('a bad preferences file', () => {
  it.each([
    ['not JSON', '{"mutedProfileIds": [', 'unreadable'],
    ['the wrong shape', JSON.stringify({ formatVersion: 1, mutedProfileIds: 'p1' }), 'invalid'],
    [
      'an unknown key',
      JSON.stringify({
        formatVersion: 1,
        mutedProfileIds: [],
        notificationsEnabled: true,
        historySink: { profileId: null, intervalMs: 10_000 },
        extra: 1,
      }),
      'invalid',
    ],
    ['a future format', JSON.stringify({ formatVersion: 9 }), 'invalid'],
  ])('%s is kept aside and reported', (_name, text, reason) => {
    const made = tempDir()
    cleanup = made.cleanup
    const file = path.join(made.dir, PREFERENCES_FILE)
    fs.writeFileSync(file, text)
    const store = new PreferencesStore(file, () => wall)
    expect(store.get()).toMatchObject({ mutedProfileIds: [], notificationsEnabled: true })
    const aside = `${file}.${reason}-2026-05-01T12-00-00-000Z`
    expect(fs.readFileSync(aside, 'utf8')).toBe(text)
    expect(fs.existsSync(file)).toBe(false)
    expect(store.warnings).toEqual([
      expect.objectContaining({
        id: `preferences-file-${reason}`,
        message: expect.stringContaining(`The original is kept at ${aside}`),
      }),
    ])
  })

  it('a directory in its place (unreadable) is reported too', () => {
    const made = tempDir()
    cleanup = made.cleanup
    const file = path.join(made.dir, PREFERENCES_FILE)
    fs.mkdirSync(file)
    const store = new PreferencesStore(file, () => wall)
    expect(store.warnings[0]).toMatchObject({ id: 'preferences-file-unreadable' })
    expect(fs.statSync(`${file}.unreadable-2026-05-01T12-00-00-000Z`).isDirectory()).toBe(true)
  })
})
