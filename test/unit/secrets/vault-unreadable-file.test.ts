import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SecretVault } from '../../../src/main/engine/secrets/secret-vault'
import { tempDir } from '../../helpers/temp-dir'
import { fakeEncryptor } from './vault-fixture'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('a secrets file that cannot be read', () => {
  it.each([
    ['truncated JSON', '{"formatVersion": 1, "secr'],
    ['a newer format', '{"formatVersion": 2, "secrets": {}}'],
    ['wrong shape', '{"formatVersion": 1, "secrets": {"p1": 42}}'],
  ])('%s: is kept aside unchanged and reported, never reset', (_label, content) => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = path.join(dir, 'secrets.json')
    fs.writeFileSync(file, content, { mode: 0o600 })
    const vault = new SecretVault(file, fakeEncryptor(), () => Date.UTC(2026, 10, 24))
    expect(vault.problems.map((p) => p.id)).toEqual(['secrets-file-unreadable'])
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('secrets.json.unreadable-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(content)
    expect(fs.existsSync(file)).toBe(false)
  })
})
