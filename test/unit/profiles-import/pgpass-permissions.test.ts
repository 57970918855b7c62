/**
 * libpq ignores a password file that is not a regular file or that has any group or world
 * permission bit, with a warning naming the file and 0600. It tests the mode bits (not access()),
 * so these tests hold when run as root.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPgpass } from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let file: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-pgpass-'))
  file = path.join(dir, 'pgpass')
})
afterEach(() => cleanup())

const LINE = 'db.example:5432:app:alice:s3cret\n'

function write(mode: number): void {
  fs.writeFileSync(file, LINE)
  fs.chmodSync(file, mode)
}

const read = (platform: NodeJS.Platform = 'linux') =>
  readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform })

describe('a password file with group or world access is ignored with a warning', () => {
  for (const mode of [0o640, 0o604, 0o644, 0o620, 0o602, 0o660, 0o666, 0o610]) {
    it(`mode 0${mode.toString(8)}`, async () => {
      write(mode)
      expect(fs.statSync(file).mode & 0o777).toBe(mode)
      const result = await read()
      expect(result.ignored).toBe('insecure-permissions')
      expect(result.entries).toEqual([])
      expect(result.problems).toHaveLength(1)
      const [problem] = result.problems
      expect(problem!.severity).toBe('warning')
      expect(problem!.where).toBe(file)
      expect(problem!.message).toContain(`"${file}"`)
      expect(problem!.message).toContain('0600')
      expect(problem!.message).toContain(`0${mode.toString(8)}`)
    })
  }
})

describe('a password file with owner-only access is used', () => {
  for (const mode of [0o600, 0o400, 0o700]) {
    it(`mode 0${mode.toString(8)}`, async () => {
      write(mode)
      const result = await read()
      expect(result.ignored).toBeNull()
      expect(result.problems).toEqual([])
      expect(result.entries.map((e) => e.password())).toEqual(['s3cret'])
    })
  }

  it('follows a symbolic link and judges the file it points to (libpq uses stat)', async () => {
    const target = path.join(dir, 'real-pgpass')
    fs.writeFileSync(target, LINE)
    fs.chmodSync(target, 0o600)
    fs.symlinkSync(target, file)
    expect((await read()).entries).toHaveLength(1)
    fs.chmodSync(target, 0o644)
    expect((await read()).ignored).toBe('insecure-permissions')
  })
})

describe('a password file that is not a regular file is ignored with a warning', () => {
  it('a directory', async () => {
    fs.mkdirSync(file, { mode: 0o700 })
    const result = await read()
    expect(result.ignored).toBe('not-regular-file')
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toContain(`"${file}" is not a plain file`)
  })

  it('a FIFO, without blocking on it', async () => {
    execFileSync('mkfifo', ['-m', '0600', file])
    const result = await read()
    expect(result.ignored).toBe('not-regular-file')
    expect(result.entries).toEqual([])
  })
})

describe('on Windows the mode bits are not checked (libpq relies on the profile directory)', () => {
  it('uses a 0644 file', async () => {
    write(0o644)
    const result = await read('win32')
    expect(result.ignored).toBeNull()
    expect(result.entries).toHaveLength(1)
  })
})
