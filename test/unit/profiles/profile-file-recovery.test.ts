import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  openProfileFile,
  profileDefaults,
  PROFILES_FORMAT_VERSION,
} from '../../../src/main/engine/profiles/profile-file'
import { openConf } from '../../helpers/conf-store'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let file: string
const now = () => Date.UTC(2026, 10, 23, 12, 0, 0)

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  file = path.join(dir, 'profiles.json')
})
afterEach(() => cleanup())

const open = () => openProfileFile(() => openConf(dir), file, now)

const valid = {
  formatVersion: 1,
  profiles: [
    {
      id: 'a1',
      kind: 'user',
      name: 'prod',
      host: 'db.internal',
      port: 5432,
      database: 'app',
      user: 'dba',
      sslmode: 'verify-full',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
}

describe('opening the profiles file', () => {
  it('starts empty, without warnings, when there is no file', () => {
    const opened = open()
    expect(opened.profiles).toEqual([])
    expect(opened.warnings).toEqual([])
    expect(fs.existsSync(file)).toBe(false)
  })

  it('reads a format-1 file, every new field at its default', () => {
    fs.writeFileSync(file, JSON.stringify(valid))
    expect(open().profiles).toEqual(valid.profiles.map((p) => ({ ...profileDefaults, ...p })))
  })

  it('reads a format-2 file as written', () => {
    const v2 = {
      formatVersion: 2,
      profiles: valid.profiles.map((p) => ({
        ...profileDefaults,
        ...p,
        group: 'Production',
        color: 'red',
        fallbackHosts: [{ host: 'db-replica.internal', port: 5433 }],
        sslrootcert: '/etc/ssl/root.crt',
        applicationName: 'lifeguard-prod',
        connectTimeoutS: 5,
        settings: { poolMax: 20 },
      })),
    }
    fs.writeFileSync(file, JSON.stringify(v2))
    expect(open().profiles).toEqual(v2.profiles)
  })

  it('keeps an unparseable file aside, byte for byte, and warns', () => {
    const garbage = '{"formatVersion": 1, "profiles": [ {{{ not json'
    fs.writeFileSync(file, garbage)
    const opened = open()
    expect(opened.profiles).toEqual([])
    expect(opened.warnings).toHaveLength(1)
    expect(opened.warnings[0]?.id).toBe('profiles-file-unreadable')
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('profiles.json.unreadable-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, aside[0] as string), 'utf8')).toBe(garbage)
    expect(opened.warnings[0]?.message).toContain(aside[0])
  })

  it('keeps a file of the wrong shape aside and warns', () => {
    const wrong = JSON.stringify({
      formatVersion: 1,
      profiles: [{ id: 'x', port: 'not a number' }],
    })
    fs.writeFileSync(file, wrong)
    const opened = open()
    expect(opened.profiles).toEqual([])
    expect(opened.warnings[0]?.id).toBe('profiles-file-invalid')
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('profiles.json.invalid-'))
    expect(fs.readFileSync(path.join(dir, aside[0] as string), 'utf8')).toBe(wrong)
  })

  it('refuses to overwrite a file from a newer version', () => {
    const newer = JSON.stringify({ ...valid, formatVersion: PROFILES_FORMAT_VERSION + 1 })
    fs.writeFileSync(file, newer)
    const opened = open()
    expect(opened.readOnly).toBe(true)
    expect(opened.profiles).toEqual(valid.profiles.map((p) => ({ ...profileDefaults, ...p })))
    expect(opened.warnings[0]?.id).toBe('profiles-file-newer')
    expect(fs.readFileSync(file, 'utf8')).toBe(newer)
  })
})
