/**
 * Where libpq looks for the password file (pqConnectOptions2): the `passfile` connection
 * parameter, else PGPASSFILE (the environment default of `passfile`), else `~/.pgpass`, on
 * Windows `%APPDATA%\postgresql\pgpass.conf`. An empty value counts as unset, as in libpq.
 */
import path from 'node:path'

export type Environment = Readonly<Record<string, string | undefined>>

export interface PgpassLocationOptions {
  env: Environment
  /** The user's home directory (os.homedir() in production); unused on Windows. */
  homeDir: string | undefined
  /** The `passfile` connection parameter; overrides PGPASSFILE and the default. */
  passfile?: string
  platform: NodeJS.Platform
}

export function pgpassPath(options: PgpassLocationOptions): string | null {
  if (options.passfile) return options.passfile
  const fromEnv = options.env.PGPASSFILE
  if (fromEnv) return fromEnv
  if (options.platform === 'win32') {
    const appData = options.env.APPDATA
    return appData ? path.win32.join(appData, 'postgresql', 'pgpass.conf') : null
  }
  return options.homeDir ? path.posix.join(options.homeDir, '.pgpass') : null
}
