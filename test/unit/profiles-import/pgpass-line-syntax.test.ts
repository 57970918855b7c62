/**
 * Line syntax: '*' wildcards (only a whole field), '\:' and '\\' escapes, '#' comments in the
 * first column, CRLF line endings, and where the password ends.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lookupPassword, readPgpass } from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-pgpass-'))
})
afterEach(() => cleanup())

async function entriesOf(text: string) {
  const file = path.join(dir, 'pgpass')
  fs.writeFileSync(file, text)
  fs.chmodSync(file, 0o600)
  return (await readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' }))
    .entries
}

const target = { host: 'h', port: 5432, database: 'd', user: 'u' }

describe('wildcards', () => {
  it('"*" in any of the first four fields matches anything', async () => {
    for (const line of [
      '*:5432:d:u:pw',
      'h:*:d:u:pw',
      'h:5432:*:u:pw',
      'h:5432:d:*:pw',
      '*:*:*:*:pw',
    ]) {
      expect(lookupPassword(await entriesOf(`${line}\n`), target)).toBe('pw')
    }
  })

  it('"*" only as a whole field: "\\*", "**" and "*x" are literal', async () => {
    const entries = await entriesOf(
      '\\*:5432:d:u:escaped\n**:5432:d:u:double\n*h:5432:d:u:prefix\n',
    )
    expect(entries.map((e) => e.host)).toEqual(['*', '**', '*h'])
    expect(lookupPassword(entries, target)).toBeUndefined()
    expect(lookupPassword(entries, { ...target, host: '*' })).toBe('escaped')
  })

  it('a "*" password is just a password', async () => {
    expect(lookupPassword(await entriesOf('h:5432:d:u:*\n'), target)).toBe('*')
  })
})

describe('escapes', () => {
  it('"\\:" and "\\\\" in a match field', async () => {
    const entries = await entriesOf('fe80\\:\\:1:5432:da\\\\ta:u:pw\n')
    expect(entries[0]!.host).toBe('fe80::1')
    expect(entries[0]!.database).toBe('da\\ta')
    expect(
      lookupPassword(entries, { host: 'fe80::1', port: 5432, database: 'da\\ta', user: 'u' }),
    ).toBe('pw')
  })

  it('"\\:" and "\\\\" in the password; any other "\\x" is x', async () => {
    const entries = await entriesOf('h:5432:d:u:a\\:b\\\\c\\d\n')
    expect(lookupPassword(entries, target)).toBe('a:b\\cd')
  })

  it('the password ends at the next unescaped ":" (libpq de-escapes up to it)', async () => {
    expect(lookupPassword(await entriesOf('h:5432:d:u:before:after\n'), target)).toBe('before')
  })

  it('a "\\" at the very end of the password is kept', async () => {
    expect(lookupPassword(await entriesOf('h:5432:d:u:pw\\\n'), target)).toBe('pw\\')
  })

  it('blanks are part of fields and the password', async () => {
    const entries = await entriesOf('h:5432:d:u: pw \n')
    expect(lookupPassword(entries, target)).toBe(' pw ')
  })
})

describe('comments and blank lines', () => {
  it('a line starting with "#" is a comment, even if it would match', async () => {
    const entries = await entriesOf('#h:5432:d:u:commented\n\n   \nh:5432:d:u:real\n')
    expect(entries).toHaveLength(1)
    expect(entries[0]!.line).toBe(4)
    expect(lookupPassword(entries, target)).toBe('real')
  })

  it('"#" after leading blanks is data, not a comment (libpq looks at the first byte only)', async () => {
    const entries = await entriesOf(' #h:5432:d:u:data\n')
    expect(entries.map((e) => e.host)).toEqual([' #h'])
  })
})

describe('line endings', () => {
  it('CRLF: the "\\r" is not part of the password', async () => {
    const entries = await entriesOf('# comment\r\nh:5432:d:u:crlf-pw\r\nx:1:d:u:second\r\n')
    expect(lookupPassword(entries, target)).toBe('crlf-pw')
    expect(entries.map((e) => e.line)).toEqual([2, 3])
  })

  it('no newline at the end of the last line', async () => {
    expect(lookupPassword(await entriesOf('h:5432:d:u:last'), target)).toBe('last')
  })
})
