/** Which file libpq reads: passfile parameter > PGPASSFILE > ~/.pgpass (Windows: APPDATA). */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pgpassPath, readPgpass } from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-pgpass-'))
})
afterEach(() => cleanup())

function write(name: string, password: string): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `*:*:*:*:${password}\n`)
  fs.chmodSync(file, 0o600)
  return file
}

const passwords = (result: Awaited<ReturnType<typeof readPgpass>>) =>
  result.entries.map((e) => e.password())

describe('password file location', () => {
  it('defaults to ~/.pgpass in the home directory given', async () => {
    write('.pgpass', 'from-home')
    const result = await readPgpass({ env: {}, homeDir: dir, platform: 'linux' })
    expect(result.path).toBe(path.join(dir, '.pgpass'))
    expect(passwords(result)).toEqual(['from-home'])
  })

  it('honours PGPASSFILE over the home directory', async () => {
    write('.pgpass', 'from-home')
    const custom = write('elsewhere/custom-pgpass', 'from-env')
    const result = await readPgpass({
      env: { PGPASSFILE: custom },
      homeDir: dir,
      platform: 'linux',
    })
    expect(result.path).toBe(custom)
    expect(passwords(result)).toEqual(['from-env'])
  })

  it('treats an empty PGPASSFILE as unset, as libpq does', async () => {
    write('.pgpass', 'from-home')
    const result = await readPgpass({ env: { PGPASSFILE: '' }, homeDir: dir, platform: 'linux' })
    expect(passwords(result)).toEqual(['from-home'])
  })

  it('lets the passfile connection parameter override PGPASSFILE', async () => {
    const fromEnv = write('env-pgpass', 'from-env')
    const fromParam = write('param-pgpass', 'from-param')
    const result = await readPgpass({
      env: { PGPASSFILE: fromEnv },
      homeDir: dir,
      passfile: fromParam,
      platform: 'linux',
    })
    expect(result.path).toBe(fromParam)
    expect(passwords(result)).toEqual(['from-param'])
  })

  it('on Windows uses %APPDATA%\\postgresql\\pgpass.conf', () => {
    expect(
      pgpassPath({
        env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
        homeDir: 'C:\\Users\\a',
        platform: 'win32',
      }),
    ).toBe('C:\\Users\\a\\AppData\\Roaming\\postgresql\\pgpass.conf')
    expect(pgpassPath({ env: {}, homeDir: 'C:\\Users\\a', platform: 'win32' })).toBeNull()
  })

  it('reports no location when there is neither a variable nor a home directory', async () => {
    const result = await readPgpass({ env: {}, homeDir: undefined, platform: 'linux' })
    expect(result).toEqual({ path: null, entries: [], problems: [], ignored: 'no-location' })
  })

  it('is silent about a missing default file, as libpq is', async () => {
    const result = await readPgpass({ env: {}, homeDir: dir, platform: 'linux' })
    expect(result.ignored).toBe('missing')
    expect(result.problems).toEqual([])
  })

  it('warns about a missing file that PGPASSFILE names', async () => {
    const missing = path.join(dir, 'nope')
    const result = await readPgpass({
      env: { PGPASSFILE: missing },
      homeDir: dir,
      platform: 'linux',
    })
    expect(result.ignored).toBe('missing')
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', where: missing }),
    ])
  })
})
