/**
 * Malformed content becomes problems with line numbers, never line content (any line may hold a
 * password), and nothing is thrown. A short line is skipped, as libpq skips it.
 */
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

async function read(content: string | Buffer) {
  fs.writeFileSync(file, content)
  fs.chmodSync(file, 0o600)
  return readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' })
}

const SECRET = 'Zebra-7731'

function expectNoContent(problems: readonly { where: string; message: string }[]): void {
  const text = JSON.stringify(problems)
  expect(text).not.toContain(SECRET)
  expect(text).not.toContain('Zebra')
}

describe('lines with fewer than five fields', () => {
  it('are skipped with a warning that gives the line number only', async () => {
    const result = await read(
      `good:5432:d:u:pw\nhost:5432:${SECRET}\n# comment\nhost:5432:d:${SECRET}\nalso:5432:d:u:pw2\n`,
    )
    expect(result.entries.map((e) => e.line)).toEqual([1, 5])
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:2`, message: expect.stringContaining('line 2') },
      { severity: 'warning', where: `${file}:4`, message: expect.stringContaining('line 4') },
    ])
    expectNoContent(result.problems)
  })

  it('a field ending in a lone "\\" never reaches its ":" (short)', async () => {
    const result = await read(`h:5432:d:${SECRET}\\`)
    expect(result.entries).toEqual([])
    expect(result.problems).toHaveLength(1)
    expectNoContent(result.problems)
  })
})

describe('other line problems, by number only', () => {
  it('an unescaped ":" inside the password: libpq uses the part before it', async () => {
    const result = await read(`h:5432:d:u:${SECRET}:${SECRET}\n`)
    expect(result.entries[0]!.password()).toBe(SECRET)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: `${file}:1`,
        message: expect.stringContaining("unescaped ':'"),
      },
    ])
    expectNoContent(result.problems)
  })

  it('an empty match field never matches', async () => {
    const result = await read(`:5432:d:u:${SECRET}\n`)
    expect(result.problems[0]!.message).toMatch(/host field is empty/)
    expectNoContent(result.problems)
  })

  it('an empty password', async () => {
    const result = await read('h:5432:d:u:\n')
    expect(result.problems[0]!.message).toMatch(/line 1 has an empty password/)
  })

  it('a line shadowed by an earlier one', async () => {
    const result = await read(`*:*:d:*:${SECRET}\nh:5432:d:u:${SECRET}\nh:5432:e:u:x\n`)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        where: `${file}:2`,
        message: expect.stringMatching(/line 2 is never used: line 1/),
      },
    ])
    expectNoContent(result.problems)
  })

  it('a NUL byte or invalid UTF-8 skips that line only', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`a:1:d:u:${SECRET}\0x\n`),
      Buffer.from([0x62, 0x3a, 0x31, 0x3a, 0x64, 0x3a, 0x75, 0x3a, 0xff, 0xfe, 0x0a]),
      Buffer.from('c:1:d:u:ok\n'),
    ])
    const result = await read(bytes)
    expect(result.entries.map((e) => e.line)).toEqual([3])
    expect(result.problems.map((p) => p.where)).toEqual([`${file}:1`, `${file}:2`])
    expectNoContent(result.problems)
  })

  it('a byte-order mark on line 1 is reported (libpq reads it as part of the host)', async () => {
    const result = await read('\uFEFFh:5432:d:u:pw\n')
    expect(result.entries[0]!.host).toBe('\uFEFFh')
    expect(result.problems[0]!.message).toMatch(/byte-order mark/)
  })
})

describe('I/O failures are problems, not exceptions', () => {
  it('a path through a regular file (ENOTDIR) counts as missing', async () => {
    fs.writeFileSync(file, '')
    const result = await readPgpass({
      env: { PGPASSFILE: path.join(file, 'inside') },
      homeDir: undefined,
      platform: 'linux',
    })
    expect(result.ignored).toBe('missing')
  })

  it('an unreadable path (ELOOP) is an error problem', async () => {
    const loop = path.join(dir, 'loop')
    fs.symlinkSync(loop, loop)
    const result = await readPgpass({
      env: { PGPASSFILE: loop },
      homeDir: undefined,
      platform: 'linux',
    })
    expect(result.ignored).toBe('unreadable')
    expect(result.problems).toEqual([
      { severity: 'error', where: loop, message: expect.stringContaining('ELOOP') },
    ])
  })
})
