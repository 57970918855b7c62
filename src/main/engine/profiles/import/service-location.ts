/**
 * Where libpq looks for connection service files (fe-connect.c, parseServiceInfo), in the order
 * it searches them:
 * 1. the user file: PGSERVICEFILE when set, else `~/.pg_service.conf` (on Windows
 *    `%APPDATA%\postgresql\.pg_service.conf`);
 * 2. the system file: `$PGSYSCONFDIR/pg_service.conf`, else `<sysconfdir>/pg_service.conf` with
 *    the directory libpq was built with (`pg_config --sysconfdir`). We cannot know the latter,
 *    so it is used only when the caller passes it; otherwise there is no system file.
 * libpq stops at the first file that defines the service, so the user file takes precedence.
 */
import path from 'node:path'
import type { Environment } from './pgpass-location'

export type ServiceFileScope = 'user' | 'system'

export interface ServiceFileLocation {
  scope: ServiceFileScope
  path: string
  /** Named by an environment variable: its absence is worth a warning. */
  explicit: boolean
}

export interface ServiceLocationOptions {
  env: Environment
  homeDir: string | undefined
  platform: NodeJS.Platform
  /** libpq's compiled SYSCONFDIR, when known (used only when PGSYSCONFDIR is unset). */
  sysconfDir?: string
}

export function serviceFileLocations(options: ServiceLocationOptions): ServiceFileLocation[] {
  const p = options.platform === 'win32' ? path.win32 : path.posix
  const found: ServiceFileLocation[] = []
  const userFile = options.env.PGSERVICEFILE
  if (userFile) {
    found.push({ scope: 'user', path: userFile, explicit: true })
  } else if (options.platform === 'win32') {
    const appData = options.env.APPDATA
    if (appData) {
      found.push({
        scope: 'user',
        path: p.join(appData, 'postgresql', '.pg_service.conf'),
        explicit: false,
      })
    }
  } else if (options.homeDir) {
    found.push({
      scope: 'user',
      path: p.join(options.homeDir, '.pg_service.conf'),
      explicit: false,
    })
  }
  const sysconf = options.env.PGSYSCONFDIR
  if (sysconf) {
    found.push({ scope: 'system', path: p.join(sysconf, 'pg_service.conf'), explicit: true })
  } else if (options.sysconfDir) {
    found.push({
      scope: 'system',
      path: p.join(options.sysconfDir, 'pg_service.conf'),
      explicit: false,
    })
  }
  return found
}
