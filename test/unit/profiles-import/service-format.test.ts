/**
 * Service file syntax as libpq reads it (checked against libpq 15 and 18): whole lines trimmed,
 * '#' comments, blank lines, CRLF, `[name]` sections, key=value split at the first '=' with no
 * trimming around it, the first value of a keyword and the first section of a name win.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readServiceFiles } from '../../../src/main/engine/profiles/import/service-file'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let file: string

beforeEach(() => {
  ;({ dir, cleanup } = tempDir('lifeguard-service-'))
  file = path.join(dir, 'pg_service.conf')
})
afterEach(() => cleanup())

async function read(text: string) {
  fs.writeFileSync(file, text)
  return readServiceFiles({
    env: { PGSERVICEFILE: file },
    homeDir: undefined,
    osUser: 'osuser',
    platform: 'linux',
  })
}

describe('service file syntax', () => {
  it('reads sections and keywords; comments, blank lines and indentation are skipped', async () => {
    const result = await read(
      '# a comment\n\n[prod]\n  host=db.example\n\tport=6543\n   # indented comment\n\n[dev]\nhost=localhost\n',
    )
    expect(result.problems).toEqual([])
    expect([...result.services.keys()]).toEqual(['prod', 'dev'])
    expect(result.services.get('prod')!.params).toEqual({ host: 'db.example', port: '6543' })
    expect(result.services.get('prod')!.line).toBe(3)
    expect(result.services.get('dev')!.params).toEqual({ host: 'localhost' })
  })

  it('CRLF line endings and trailing blanks are trimmed from whole lines', async () => {
    const result = await read('[prod]\r\nhost=db.example \t\r\nuser=alice\r\n')
    expect(result.problems).toEqual([])
    expect(result.services.get('prod')!.params).toEqual({ host: 'db.example', user: 'alice' })
  })

  it('the value is everything after the first "=", including further "="', async () => {
    const result = await read('[s]\noptions=-c search_path=app\n')
    expect(result.services.get('s')!.params.options).toBe('-c search_path=app')
  })

  it('blanks after "=" stay in the value (libpq keeps them), with a warning', async () => {
    const result = await read('[s]\nhost=  db.example\n')
    expect(result.services.get('s')!.params.host).toBe('  db.example')
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:2`, message: expect.stringContaining('"host"') },
    ])
  })

  it('an empty value is a value', async () => {
    const result = await read('[s]\nhost=\n')
    expect(result.services.get('s')!.params).toEqual({ host: '' })
  })

  it('text after "]" is ignored, with a warning', async () => {
    const result = await read('[prod] old server\nhost=db\n')
    expect([...result.services.keys()]).toEqual(['prod'])
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:1`, message: expect.stringContaining("after ']'") },
    ])
  })

  it('the first value of a repeated keyword wins, as in libpq', async () => {
    const result = await read('[s]\nport=1111\nport=2222\n')
    expect(result.services.get('s')!.params.port).toBe('1111')
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:3`, message: expect.stringContaining('line 2') },
    ])
  })

  it('the first section of a repeated name wins, as in libpq', async () => {
    const result = await read('[s]\nport=1111\n[t]\nport=3\n[s]\nport=2222\n')
    expect(result.services.get('s')!.params.port).toBe('1111')
    expect(result.candidates.map((c) => c.name)).toEqual(['s', 't'])
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:5`, message: expect.stringContaining('(line 1)') },
    ])
  })

  it('lines before the first section are never read by libpq: a warning, not an error', async () => {
    const result = await read('host=stray\n[s]\nhost=db\n')
    expect(result.services.get('s')!.params.host).toBe('db')
    expect(result.problems).toEqual([
      { severity: 'warning', where: `${file}:1`, message: expect.stringContaining('outside') },
    ])
  })

  it('an empty file has no services and no problems', async () => {
    const result = await read('')
    expect(result.services.size).toBe(0)
    expect(result.problems).toEqual([])
    expect(result.files).toEqual([{ scope: 'user', path: file, status: 'read' }])
  })
})
