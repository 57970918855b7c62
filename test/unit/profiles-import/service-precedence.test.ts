/**
 * libpq searches the user service file first, then the system file, and takes a service from
 * the first file that defines it (no merging of keywords across files).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readServiceFiles } from '../../../src/main/engine/profiles/import/service-file'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let home: string
let sysDir: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-service-'))
  home = path.join(dir, 'home')
  sysDir = path.join(dir, 'etc')
  fs.mkdirSync(home)
  fs.mkdirSync(sysDir)
  fs.writeFileSync(
    path.join(sysDir, 'pg_service.conf'),
    '[shared]\nhost=system.example\nport=7000\nsslmode=require\n[sysonly]\nhost=sys2.example\n',
  )
})
afterEach(() => cleanup())

const read = (env: Record<string, string>, extra: { sysconfDir?: string } = {}) =>
  readServiceFiles({ env, homeDir: home, osUser: 'osuser', platform: 'linux', ...extra })

describe('user file over system file', () => {
  it('a service in both comes from the user file, whole (keywords are not merged)', async () => {
    fs.writeFileSync(path.join(home, '.pg_service.conf'), '[shared]\nhost=user.example\n')
    const result = await read({ PGSYSCONFDIR: sysDir })
    const shared = result.services.get('shared')!
    expect(shared.scope).toBe('user')
    expect(shared.params).toEqual({ host: 'user.example' })
    const candidate = result.candidates.find((c) => c.name === 'shared')!
    expect(candidate.hosts).toEqual(['user.example'])
    expect(candidate.ports).toEqual([5432])
    expect(candidate.sslmode).toBe('prefer')
    expect(result.candidates.map((c) => c.name)).toEqual(['shared', 'sysonly'])
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: `${path.join(sysDir, 'pg_service.conf')}:1`,
        message: expect.stringContaining('is also defined in'),
      },
    ])
  })

  it('PGSERVICEFILE replaces ~/.pg_service.conf as the user file', async () => {
    fs.writeFileSync(path.join(home, '.pg_service.conf'), '[shared]\nhost=home.example\n')
    const custom = path.join(dir, 'custom.conf')
    fs.writeFileSync(custom, '[shared]\nhost=custom.example\n')
    const result = await read({ PGSERVICEFILE: custom, PGSYSCONFDIR: sysDir })
    expect(result.services.get('shared')!.params.host).toBe('custom.example')
    expect(result.files.map((f) => f.path)).toEqual([custom, path.join(sysDir, 'pg_service.conf')])
  })

  it('without PGSYSCONFDIR the system file is skipped unless sysconfDir is given', async () => {
    expect((await read({})).files).toEqual([
      { scope: 'user', path: path.join(home, '.pg_service.conf'), status: 'missing' },
    ])
    const withDir = await read({}, { sysconfDir: sysDir })
    expect([...withDir.services.keys()]).toEqual(['shared', 'sysonly'])
    expect(withDir.problems).toEqual([])
  })

  it('a service that a malformed user file defines is not taken from the system file', async () => {
    fs.writeFileSync(path.join(home, '.pg_service.conf'), '[shared]\nhost=user.example\nbogus\n')
    const result = await read({ PGSYSCONFDIR: sysDir })
    expect(result.candidates.map((c) => c.name)).toEqual(['sysonly'])
  })

  it('a missing file named by a variable is a warning; the other file is still read', async () => {
    const result = await read({
      PGSERVICEFILE: path.join(dir, 'missing.conf'),
      PGSYSCONFDIR: sysDir,
    })
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('not found'),
      }),
    ])
    expect(result.candidates.map((c) => c.name)).toEqual(['shared', 'sysonly'])
  })

  it('a path that is a directory is an error for that file only', async () => {
    const result = await read({ PGSERVICEFILE: home, PGSYSCONFDIR: sysDir })
    expect(result.problems).toEqual([
      { severity: 'error', where: home, message: expect.stringContaining('not a plain file') },
    ])
    expect(result.candidates).toHaveLength(2)
  })
})
