/** No preferences file: the defaults, and nothing is written until something changes. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PREFERENCES_FILE } from '../../../src/main/engine/preferences/preferences-file'
import { PreferencesStore } from '../../../src/main/engine/preferences/preferences-store'
import { tempDir } from '../../helpers/temp-dir'

let cleanup = () => undefined as void
afterEach(() => cleanup())

describe('preferences defaults', () => {
  it('are used when there is no file, which is not created by reading', () => {
    const made = tempDir()
    cleanup = made.cleanup
    const file = path.join(made.dir, PREFERENCES_FILE)
    const store = new PreferencesStore(file, () => 0)
    expect(store.get()).toEqual({
      mutedProfileIds: [],
      notificationsEnabled: true,
      historySink: { profileId: null, intervalMs: 10_000 },
    })
    expect(store.warnings).toEqual([])
    expect(fs.existsSync(file)).toBe(false)
  })

  it('hands out copies: changing one changes nothing in the store', () => {
    const made = tempDir()
    cleanup = made.cleanup
    const store = new PreferencesStore(path.join(made.dir, PREFERENCES_FILE), () => 0)
    store.get().mutedProfileIds.push('x')
    store.get().historySink.profileId = 'x'
    expect(store.get()).toMatchObject({ mutedProfileIds: [], historySink: { profileId: null } })
  })
})
