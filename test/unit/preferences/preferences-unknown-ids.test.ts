/** A muted or history-sink profile that does not exist is 'not-found', and nothing changes anywhere. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PREFERENCES_FILE } from '../../../src/main/engine/preferences/preferences-file'
import { PreferencesStore } from '../../../src/main/engine/preferences/preferences-store'
import { tempDir } from '../../helpers/temp-dir'

let cleanup = () => undefined as void
afterEach(() => cleanup())

const exists = (id: string) => id === 'p1'

describe('unknown profile ids', () => {
  it.each([
    ['a muted id', { mutedProfileIds: ['p1', 'ghost'], notificationsEnabled: false }],
    [
      'the sink id',
      { historySink: { profileId: 'ghost', intervalMs: 10_000 }, notificationsEnabled: false },
    ],
  ])('%s is refused, with the other keys of the change', (_name, change) => {
    const made = tempDir()
    cleanup = made.cleanup
    const file = path.join(made.dir, PREFERENCES_FILE)
    const store = new PreferencesStore(file, () => 0)
    store.set({ mutedProfileIds: ['p1'] }, exists)
    const before = fs.readFileSync(file, 'utf8')
    const memory = store.get()
    expect(() => store.set(change, exists)).toThrow(
      expect.objectContaining({ code: 'not-found', message: expect.stringContaining('ghost') }),
    )
    expect(store.get()).toEqual(memory)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  })
})
