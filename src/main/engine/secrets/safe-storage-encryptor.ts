/**
 * The desktop's Encryptor: Electron's safeStorage, accepted only when it really encrypts. On Linux
 * safeStorage falls back to the `basic_text` backend (a hard-coded key) when no keyring is found:
 * that is obfuscation, not encryption, so the vault is told to refuse (reliability.md G.36).
 * The shell passes Electron's `safeStorage`; the engine never imports electron.
 */
import type { EncryptionStatus, Encryptor } from './secret-vault'

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?(): string
  encryptString(plain: string): Buffer
  decryptString(cipher: Buffer): string
}

const KEEP_ANOTHER_WAY =
  'Passwords are kept for this run only; to keep one, put it in ~/.pgpass or configure a password command.'

export function safeStorageEncryptor(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Encryptor {
  const status = (): EncryptionStatus => {
    if (!safeStorage.isEncryptionAvailable())
      return {
        encrypts: false,
        reason: `This system offers no encryption for stored passwords. ${KEEP_ANOTHER_WAY}`,
      }
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown'
      if (backend === 'basic_text' || backend === 'unknown')
        return {
          encrypts: false,
          reason: `No OS keyring was found (safeStorage backend "${backend}" stores with a fixed key, which is not encryption). ${KEEP_ANOTHER_WAY}`,
        }
      return { encrypts: true, backend }
    }
    return { encrypts: true, backend: platform === 'darwin' ? 'macOS Keychain' : 'Windows DPAPI' }
  }
  return {
    status,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  }
}

/** Browser mode stores no passwords (issue 7): the reason shown next to "Remember password". */
export const BROWSER_MODE_NO_STORAGE =
  'Browser mode does not store passwords. Use ~/.pgpass, a password command, or enter it once per run.'
