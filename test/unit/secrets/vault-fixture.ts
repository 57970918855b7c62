/**
 * A stand-in for Electron's safeStorage (the Electron binary cannot run here): a reversible
 * transform that changes every byte, so a test can tell a stored ciphertext from the password.
 */
import type { Encryptor } from '../../../src/main/engine/secrets/secret-vault'

export const CANARY = "Canary-pw:@/#?%'\\ ü€"

export function fakeEncryptor(): Encryptor & { calls: number } {
  const enc = {
    calls: 0,
    status: () => ({ encrypts: true as const, backend: 'test-keyring' }),
    encrypt(plain: string) {
      enc.calls++
      return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5))
    },
    decrypt(cipher: Buffer) {
      return Buffer.from(cipher.map((b) => b ^ 0xa5)).toString('utf8')
    },
  }
  return enc
}
