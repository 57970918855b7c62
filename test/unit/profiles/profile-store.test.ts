import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openProfileFile } from '../../../src/main/engine/profiles/profile-file'
import { ProfileStore } from '../../../src/main/engine/profiles/profile-store'
import type { ProfileDraft } from '../../../src/shared/schemas'
import { openConf } from '../../helpers/conf-store'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const now = () => Date.UTC(2026, 10, 23)
function openStore(): ProfileStore {
  const file = openProfileFile(() => openConf(dir), path.join(dir, 'profiles.json'), now)
  return new ProfileStore(file.backend, file.profiles, file.readOnly, now)
}

const draft: ProfileDraft = {
  name: 'orders primary',
  host: '127.0.0.1',
  port: 5432,
  database: 'orders',
  user: 'dba',
  sslmode: 'prefer',
  password: 'canary-Pa55word!',
}

describe('ProfileStore', () => {
  it('persists across reopen, in a 0600 file, without the password', () => {
    const created = openStore().create(draft)
    const reopened = openStore().list()
    expect(reopened).toEqual([created])
    const file = path.join(dir, 'profiles.json')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).not.toContain('canary-Pa55word!')
    expect(JSON.stringify(created)).not.toContain('canary')
  })

  it('refuses a duplicate name (case-insensitive) and changes nothing', () => {
    const store = openStore()
    store.create(draft)
    const before = fs.readFileSync(path.join(dir, 'profiles.json'))
    expect(() => store.create({ ...draft, name: 'ORDERS Primary' })).toThrow(/already exists/)
    expect(fs.readFileSync(path.join(dir, 'profiles.json'))).toEqual(before)
    expect(store.list()).toHaveLength(1)
  })

  it('updates and deletes by id; unknown ids are not-found', () => {
    const store = openStore()
    const a = store.create(draft)
    const b = store.update(a.id, { ...draft, port: 6543 })
    expect(b).toMatchObject({ id: a.id, port: 6543, createdAt: a.createdAt })
    expect(() => store.update('nope', draft)).toThrow(/no profile/)
    store.delete(a.id)
    expect(openStore().list()).toEqual([])
  })

  it('keeps memory unchanged when the write fails', () => {
    const store = openStore()
    store.create(draft)
    fs.chmodSync(dir, 0o500)
    try {
      if (process.getuid?.() === 0) {
        // root ignores directory permissions: make the file path a directory instead
        fs.chmodSync(dir, 0o700)
        fs.rmSync(path.join(dir, 'profiles.json'))
        fs.mkdirSync(path.join(dir, 'profiles.json'))
      }
      expect(() => store.create({ ...draft, name: 'second' })).toThrow(/could not save/)
      expect(store.list().map((p) => p.name)).toEqual(['orders primary'])
    } finally {
      fs.chmodSync(dir, 0o700)
    }
  })

  it('is read-only when the file is from a newer version', () => {
    fs.writeFileSync(
      path.join(dir, 'profiles.json'),
      JSON.stringify({ formatVersion: 9, profiles: [] }),
    )
    const store = openStore()
    expect(() => store.create(draft)).toThrow(/newer Lifeguard/)
  })
})
