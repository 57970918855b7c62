/** app:get-info: the shell, versions, data folder, warnings, and whether passwords can be stored. */
import type { AppInfo, AppWarning, Shell } from '../../../shared/domain'
import type { SecretVault } from '../secrets/secret-vault'

export function appInfo(from: {
  version: string
  shell: Shell
  dataDir: string
  vault: SecretVault
  warnings: readonly AppWarning[]
}): AppInfo {
  const status = from.vault.status()
  return {
    version: from.version,
    shell: from.shell,
    dataDir: from.dataDir,
    nodeVersion: process.versions.node,
    warnings: [...from.warnings],
    secretStorage: status.encrypts
      ? { available: true, backend: status.backend, reason: null }
      : { available: false, backend: null, reason: status.reason },
  }
}
