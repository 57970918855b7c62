/**
 * A change names only the keys it changes, is written atomically with mode 0600 before it is
 * answered, and reads back the same after a restart; deleting a profile takes it out of the mutes
 * and the history sink.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PREFERENCES_FILE } from '../../../src/main/engine/preferences/preferences-file'
import { PreferencesStore } from '../../../src/main/engine/preferences/preferences-store'
import { tempDir } from '../../helpers/temp-dir'

let cleanup = () => undefined as void
afterEach(() => cleanup())

const exists = (id: string) => ['p1', 'p2', 'p3'].includes(id)

function fresh() {
  const made = tempDir()
  cleanup = made.cleanup
  const file = path.join(made.dir, PREFERENCES_FILE)
  return { dir: made.dir, file, store: new PreferencesStore(file, () => 0) }
}

describe('preferences round trip', () => {
  it('saves each change (mode 0600) and reads it back', () => {
    const { dir, file, store } = fresh()
    store.set({ mutedProfileIds: ['p2', 'p1', 'p2'] }, exists)
    const after = store.set(
      { notificationsEnabled: false, historySink: { profileId: 'p3', intervalMs: 30_000 } },
      exists,
    )
    expect(after).toEqual({
      mutedProfileIds: ['p2', 'p1'],
      notificationsEnabled: false,
      historySink: { profileId: 'p3', intervalMs: 30_000 },
    })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ formatVersion: 1, ...after })
    // Written through a temporary file: nothing else is left in the folder.
    expect(fs.readdirSync(dir)).toEqual([PREFERENCES_FILE])
    expect(new PreferencesStore(file, () => 0).get()).toEqual(after)
  })

  it('forgetting a profile takes it out of the mutes and the sink, and is saved', () => {
    const { file, store } = fresh()
    store.set(
      { mutedProfileIds: ['p1', 'p2'], historySink: { profileId: 'p1', intervalMs: 5_000 } },
      exists,
    )
    expect(store.forgetProfile('p1')).toBe(true)
    const expected = {
      mutedProfileIds: ['p2'],
      notificationsEnabled: true,
      historySink: { profileId: null, intervalMs: 5_000 },
    }
    expect(store.get()).toEqual(expected)
    expect(new PreferencesStore(file, () => 0).get()).toEqual(expected)
    expect(store.forgetProfile('p3')).toBe(false)
  })
})
