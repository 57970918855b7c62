/**
 * libpq stops with "syntax error in service file" (a line without '=', an unknown or misspelt
 * keyword), "nested service specifications not supported" (a `service` key) or "line N too long".
 * Such a file yields an error with file:line and NO candidates; the other file is still used.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readServiceFiles } from '../../../src/main/engine/profiles/import/service-file'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let userFile: string
let sysDir: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-service-'))
  userFile = path.join(dir, 'user.conf')
  sysDir = path.join(dir, 'etc')
  fs.mkdirSync(sysDir)
  fs.writeFileSync(path.join(sysDir, 'pg_service.conf'), '[sys]\nhost=sys.example\n')
})
afterEach(() => cleanup())

async function readWithUserFile(text: string | Buffer) {
  fs.writeFileSync(userFile, text)
  return readServiceFiles({
    env: { PGSERVICEFILE: userFile, PGSYSCONFDIR: sysDir },
    homeDir: undefined,
    osUser: 'osuser',
    platform: 'linux',
  })
}

const cases: [string, string, number, RegExp][] = [
  ['a line without "="', '[a]\nhost=db\nport 5432\n', 3, /syntax error.*line 3/],
  ['an unknown keyword', '[a]\nhost=db\n\n[b]\nhots=db\n', 5, /not a libpq connection keyword/],
  ['a keyword in upper case', '[a]\nHOST=db\n', 2, /lower case \("host"\)/],
  [
    'blanks around "=" (libpq reads "host " as the key)',
    '[a]\nhost = db\n',
    2,
    /blanks around the keyword "host"/,
  ],
  [
    'a nested service',
    '[a]\nhost=db\nservice=b\n[b]\nport=1\n',
    3,
    /nested service specifications not supported/,
  ],
  ['a header without "]"', '[a\nhost=db\n', 1, /closing '\]'/],
  ['an empty service name', '[]\nhost=db\n', 1, /empty service name/],
  [
    'a line of 1023 bytes with its newline',
    `[a]\n#${'x'.repeat(1021)}\nhost=db\n`,
    2,
    /line 2 too long/,
  ],
]

describe('a malformed service file', () => {
  for (const [what, text, line, message] of cases) {
    it(`${what}: error at line ${line}, no candidates from it, the system file still used`, async () => {
      const result = await readWithUserFile(text)
      const errors = result.problems.filter((p) => p.severity === 'error')
      expect(errors[0]).toEqual({
        severity: 'error',
        where: `${userFile}:${line}`,
        message: expect.stringMatching(message),
      })
      expect(errors.at(-1)).toEqual({
        severity: 'error',
        where: userFile,
        message: expect.stringContaining('nothing is imported from it'),
      })
      expect(result.candidates.map((c) => c.name)).toEqual(['sys'])
      expect([...result.services.keys()]).toEqual(['sys'])
      expect(result.files.map((f) => f.status)).toEqual(['malformed', 'read'])
    })
  }

  it('1022 bytes with the newline is still fine (libpq reads 1023 into a 1024-byte buffer)', async () => {
    const result = await readWithUserFile(`[a]\n#${'x'.repeat(1020)}\nhost=db\n`)
    expect(result.problems).toEqual([])
    expect(result.candidates.map((c) => c.name)).toEqual(['a', 'sys'])
  })

  it('every error is reported, each with its own line', async () => {
    const result = await readWithUserFile('[a]\nnonsense\nhots=x\nhost=db\nservice=x\n')
    const lines = result.problems.filter((p) => p.severity === 'error').map((p) => p.where)
    expect(lines).toEqual([`${userFile}:2`, `${userFile}:3`, `${userFile}:5`, userFile])
  })

  it('a NUL byte or invalid UTF-8 is an error', async () => {
    const nul = await readWithUserFile(Buffer.from('[a]\nhost=d\0b\n'))
    expect(nul.problems[0]).toMatchObject({ severity: 'error', where: `${userFile}:2` })
    const latin1 = await readWithUserFile(
      Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0x75, 0x73, 0x65, 0x72, 0x3d, 0xe9, 0x0a]),
    )
    expect(latin1.problems[0]).toMatchObject({ severity: 'error', where: `${userFile}:2` })
    expect(latin1.candidates.map((c) => c.name)).toEqual(['sys'])
  })

  it('the offending text is never echoed', async () => {
    const result = await readWithUserFile('[a]\nSecretToken-991 oops\nSecretToken-992=x\n')
    expect(JSON.stringify(result)).not.toContain('SecretToken')
  })
})
