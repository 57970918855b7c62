/** The password never shows in anything a .pgpass read produces, except through password(). */
import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  pgpassCandidates,
  readPgpass,
  type PgpassReadResult,
} from '../../../src/main/engine/profiles/import/pgpass'
import { tempDir } from '../../helpers/temp-dir'

const CANARY = "Canary-pw:\\@#%'"
const escaped = CANARY.replaceAll('\\', '\\\\').replaceAll(':', '\\:')

let cleanup: () => void
let result: PgpassReadResult

beforeAll(async () => {
  const t = tempDir('lifeguard-pgpass-')
  cleanup = t.cleanup
  const file = path.join(t.dir, 'pgpass')
  fs.writeFileSync(
    file,
    [
      `db.example:5432:app:alice:${escaped}`,
      `*:*:*:bob:${escaped}`,
      `short:5432:${escaped}`,
      `trunc:5432:app:carol:${CANARY}`,
      `db.example:5432:app:alice:${escaped}`,
      '',
    ].join('\r\n'),
  )
  fs.chmodSync(file, 0o600)
  result = await readPgpass({ env: { PGPASSFILE: file }, homeDir: undefined, platform: 'linux' })
})
afterAll(() => cleanup())

function expectHidden(text: string): void {
  expect(text).not.toContain('Canary')
  expect(text).not.toContain('@#%')
}

describe('the canary password', () => {
  it('is read back exactly, escapes and all', () => {
    expect(result.entries[0]!.password()).toBe(CANARY)
    expect(result.entries[1]!.password()).toBe(CANARY)
  })

  it('is not in JSON.stringify of the result, its problems or its candidates', () => {
    expect(result.problems.length).toBeGreaterThanOrEqual(3)
    expectHidden(JSON.stringify(result))
    const imported = pgpassCandidates(result)
    expect(imported.candidates).toHaveLength(2)
    expectHidden(JSON.stringify(imported))
  })

  it('is not in util.inspect / console output, even with hidden properties', () => {
    expectHidden(inspect(result, { showHidden: true, depth: Infinity }))
    expectHidden(
      inspect(result.entries[0], { showHidden: true, depth: Infinity, customInspect: false }),
    )
  })

  it('is not copied by structuredClone, spreading or Object.entries', () => {
    const entry = result.entries[0]!
    expectHidden(JSON.stringify(structuredClone(entry)))
    expectHidden(JSON.stringify({ ...entry }))
    expectHidden(String(Object.entries(entry)))
    expectHidden(Object.getOwnPropertyNames(entry).join(','))
    expect(Object.isFrozen(entry)).toBe(true)
  })
})
