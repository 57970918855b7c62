/** An inline password is noted as 'inline' and held out of every result, problem and candidate. */
import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  readServiceFiles,
  type ServiceReadResult,
} from '../../../src/main/engine/profiles/import/service-file'
import { tempDir } from '../../helpers/temp-dir'

const CANARY = "Canary-pw:\\@#%'"

let cleanup: () => void
let file: string
let result: ServiceReadResult

beforeAll(async () => {
  const t = tempDir('lifeguard-service-')
  cleanup = t.cleanup
  file = path.join(t.dir, 'pg_service.conf')
  fs.writeFileSync(
    file,
    [
      '[prod]',
      'host=db.example',
      `password=${CANARY}`,
      `password=${CANARY}-again`,
      `sslpassword=${CANARY}`,
      `password=${CANARY}`,
      '[other]',
      `password= ${CANARY}`,
      '',
    ].join('\n'),
  )
  fs.chmodSync(file, 0o644)
  result = await readServiceFiles({
    env: { PGSERVICEFILE: file },
    homeDir: undefined,
    osUser: 'osuser',
    platform: 'linux',
  })
})
afterAll(() => cleanup())

function expectHidden(text: string): void {
  expect(text).not.toContain('Canary')
  expect(text).not.toContain('@#%')
}

describe('an inline password in a service file', () => {
  it('is kept exactly, first value wins, and readable only through the definition', () => {
    const prod = result.services.get('prod')!
    expect(prod.password()).toBe(CANARY)
    expect(prod.secret('sslpassword')).toBe(CANARY)
    expect(prod.secretKeys).toEqual(['password', 'sslpassword'])
    expect(prod.params).toEqual({ host: 'db.example' })
  })

  it('marks the candidate passwordSource "inline"', () => {
    expect(result.candidates.map((c) => [c.name, c.passwordSource])).toEqual([
      ['prod', 'inline'],
      ['other', 'inline'],
    ])
  })

  it('never appears in JSON.stringify of the result, its problems, candidates or services', () => {
    expect(result.problems.length).toBeGreaterThan(0)
    expectHidden(JSON.stringify(result))
    expectHidden(JSON.stringify(result.problems))
    expectHidden(JSON.stringify(result.candidates))
    expectHidden(JSON.stringify([...result.services.values()]))
  })

  it('never appears in util.inspect, structuredClone or a spread copy', () => {
    expectHidden(inspect(result, { showHidden: true, depth: Infinity }))
    const prod = result.services.get('prod')!
    expectHidden(inspect(prod, { showHidden: true, depth: Infinity, customInspect: false }))
    expectHidden(JSON.stringify(structuredClone(prod)))
    expectHidden(JSON.stringify({ ...prod }))
  })

  it('warns that a secret sits in a file others may read', () => {
    expect(result.problems).toContainEqual({
      severity: 'warning',
      where: `${file}:1`,
      message: expect.stringContaining('group or others may read'),
    })
  })
})
