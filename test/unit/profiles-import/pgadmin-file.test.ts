/**
 * readPgadminServersFile on real files: size checked before reading, UTF-8 required (a BOM is
 * fine), and I/O failures become one error problem instead of an exception.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readPgadminServersFile } from '../../../src/main/engine/profiles/import/pgadmin-file'
import { MAX_PGADMIN_FILE_BYTES } from '../../../src/main/engine/profiles/import/pgadmin'
import { tempDir } from '../../helpers/temp-dir'

const { dir, cleanup } = tempDir('lifeguard-pgadmin-')
afterAll(cleanup)

const content = JSON.stringify({
  Servers: {
    '1': { Name: 'a', Group: 'g', Host: 'h', Port: 5432, MaintenanceDB: 'd', Username: 'u' },
  },
})

function write(name: string, data: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, data)
  return file
}

describe('readPgadminServersFile', () => {
  it('reads a servers.json and names the file in each origin', async () => {
    const file = write('servers.json', content)
    const result = await readPgadminServersFile(file)
    expect(result.problems).toEqual([])
    expect(result.candidates.map((c) => c.origin)).toEqual([
      { kind: 'pgadmin', where: `${file}: Servers/1` },
    ])
  })

  it('accepts a UTF-8 byte order mark', async () => {
    const file = write(
      'bom.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content)]),
    )
    const result = await readPgadminServersFile(file)
    expect(result.problems).toEqual([])
    expect(result.candidates).toHaveLength(1)
  })

  it('refuses a file over 5 MiB from its size', async () => {
    const file = path.join(dir, 'huge.json')
    fs.writeFileSync(file, content)
    fs.truncateSync(file, MAX_PGADMIN_FILE_BYTES + 1) // sparse: no 5 MiB written
    const result = await readPgadminServersFile(file)
    expect(result.candidates).toEqual([])
    expect(result.problems).toEqual([
      {
        severity: 'error',
        where: file,
        message: 'The file is larger than 5 MiB and was not read.',
      },
    ])
  })

  it('refuses bytes that are not UTF-8', async () => {
    const file = write(
      'latin1.json',
      Buffer.from('{"Servers": {"1": {"Name": "caf\xe9"}}}', 'latin1'),
    )
    const result = await readPgadminServersFile(file)
    expect(result.candidates).toEqual([])
    expect(result.problems[0]!.message).toBe(
      'The file is not UTF-8 text, so nothing was imported from it.',
    )
  })

  it('reports a missing file with its error code', async () => {
    const file = path.join(dir, 'missing.json')
    const result = await readPgadminServersFile(file)
    expect(result).toEqual({
      candidates: [],
      problems: [
        { severity: 'error', where: file, message: 'The file could not be read (ENOENT).' },
      ],
    })
  })

  it('reports a directory as not a regular file', async () => {
    const result = await readPgadminServersFile(dir)
    expect(result.problems[0]!.message).toBe('This is not a regular file.')
  })
})
