import fs from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { SecretVault } from '../../../src/main/engine/secrets/secret-vault'
import { tempDir } from '../../helpers/temp-dir'
import { CANARY, fakeEncryptor } from './vault-fixture'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function setup() {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return { dir, file: path.join(dir, 'secrets.json') }
}

describe('a secret vault with real encryption', () => {
  it('stores a password encrypted, mode 0600, and reads it back after a restart', () => {
    const { file } = setup()
    const vault = new SecretVault(file, fakeEncryptor())
    vault.store('p1', CANARY)
    const raw = fs.readFileSync(file)
    expect(raw.includes(Buffer.from(CANARY))).toBe(false)
    expect(raw.toString('utf8')).not.toContain('Canary')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const reopened = new SecretVault(file, fakeEncryptor())
    expect(reopened.get('p1')).toBe(CANARY)
    expect(reopened.has('p1')).toBe(true)
  })

  it('never shows a password through JSON, inspect or its own keys', () => {
    const { file } = setup()
    const vault = new SecretVault(file, fakeEncryptor())
    vault.store('p1', CANARY)
    expect(JSON.stringify({ vault })).not.toContain('Canary')
    expect(inspect(vault, { showHidden: true, depth: 10 })).not.toContain('Canary')
    expect(Object.keys(vault).join(',')).not.toContain('Canary')
  })

  it('deletes a password from the file', () => {
    const { file } = setup()
    const vault = new SecretVault(file, fakeEncryptor())
    vault.store('p1', CANARY)
    vault.store('p2', 'other')
    vault.delete('p1')
    const reopened = new SecretVault(file, fakeEncryptor())
    expect(reopened.has('p1')).toBe(false)
    expect(reopened.get('p2')).toBe('other')
  })

  it('leaves no temporary file behind', () => {
    const { dir, file } = setup()
    new SecretVault(file, fakeEncryptor()).store('p1', CANARY)
    expect(fs.readdirSync(dir)).toEqual(['secrets.json'])
  })
})
