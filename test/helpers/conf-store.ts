/** The browser-mode store backend (conf), as web.ts builds it, for tests. */
import Conf from 'conf'
import type { JsonStoreBackend } from '../../src/main/engine/profiles/profile-file'

export function openConf(dir: string): JsonStoreBackend {
  return new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'profiles',
    clearInvalidConfig: false,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
  }) as unknown as JsonStoreBackend
}
