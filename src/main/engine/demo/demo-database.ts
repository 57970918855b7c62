/** The local demo's database: an embedded PostgreSQL the app starts on demand and stops on exit. */
import { LifeguardError } from '../core/errors'
import { EmbeddedServer, type EmbeddedServerAddress } from './embedded-server'
import { reapOrphanedClusters } from './orphan-reaper'

export class DemoDatabase {
  private server: EmbeddedServer | undefined
  private starting: Promise<EmbeddedServerAddress> | undefined

  constructor(private readonly parentDir: string) {}

  /** Starts the server once per run (a fresh cluster on a free port); later calls reuse it. */
  start(): Promise<EmbeddedServerAddress> {
    if (!this.starting) {
      const server = new EmbeddedServer({ parentDir: this.parentDir, database: 'lifeguard_demo' })
      this.server = server
      this.starting = reapOrphanedClusters(this.parentDir)
        .catch(() => [])
        .then(() => server.init())
        .catch(async (error: unknown) => {
          this.starting = undefined
          this.server = undefined
          await server.dispose().catch(() => undefined)
          throw new LifeguardError(
            'demo-unavailable',
            `the local demo database could not be started: ${(error as Error).message}`,
            { cause: error },
          )
        })
    }
    return this.starting
  }

  async dispose(): Promise<void> {
    const server = this.server
    this.server = undefined
    this.starting = undefined
    await server?.dispose()
  }
}
