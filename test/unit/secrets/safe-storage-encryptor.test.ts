/** reliability.md G.36: safeStorage is used only when it really encrypts. */
import { describe, expect, it } from 'vitest'
import {
  safeStorageEncryptor,
  type SafeStorageLike,
} from '../../../src/main/engine/secrets/safe-storage-encryptor'

function fake(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (s) => Buffer.from(s).reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString(),
  }
}

describe('the safeStorage encryptor', () => {
  it.each(['basic_text', 'unknown'])('refuses the Linux %s backend and says why', (backend) => {
    const status = safeStorageEncryptor(fake(true, backend), 'linux').status()
    expect(status.encrypts).toBe(false)
    expect(status.encrypts ? '' : status.reason).toContain(backend)
    expect(status.encrypts ? '' : status.reason).toContain('.pgpass')
  })

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'])(
    'accepts the Linux %s keyring',
    (backend) => {
      expect(safeStorageEncryptor(fake(true, backend), 'linux').status()).toEqual({
        encrypts: true,
        backend,
      })
    },
  )

  it('refuses when safeStorage says encryption is unavailable', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      expect(safeStorageEncryptor(fake(false, 'gnome_libsecret'), platform).status().encrypts).toBe(
        false,
      )
  })

  it('accepts macOS and Windows when available, and round-trips', () => {
    const enc = safeStorageEncryptor(fake(true), 'darwin')
    expect(enc.status()).toEqual({ encrypts: true, backend: 'macOS Keychain' })
    expect(enc.decrypt(enc.encrypt('pw'))).toBe('pw')
    expect(safeStorageEncryptor(fake(true), 'win32').status().encrypts).toBe(true)
  })
})
