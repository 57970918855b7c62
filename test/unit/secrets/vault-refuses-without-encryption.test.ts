import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { noEncryption, SecretVault } from '../../../src/main/engine/secrets/secret-vault'
import { tempDir } from '../../helpers/temp-dir'
import { CANARY } from './vault-fixture'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('a vault whose encryptor does not really encrypt (Linux basic_text, browser mode)', () => {
  it('refuses to store, says why, and writes nothing', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = path.join(dir, 'secrets.json')
    const reason = 'no OS keyring: safeStorage uses basic_text, which is not encryption'
    const vault = new SecretVault(file, noEncryption(reason))
    expect(vault.status()).toEqual({ encrypts: false, reason })
    let caught: unknown
    try {
      vault.store('p1', CANARY)
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({ code: 'secret-storage-unavailable', message: reason })
    expect(String((caught as Error).message)).not.toContain('Canary')
    expect(fs.existsSync(file)).toBe(false)
    expect(vault.has('p1')).toBe(false)
  })
})
