/**
 * The throw-away PostgreSQL the benchmarks run against (the pool bench's SELECT 1 part, the health
 * bench's stops and starts): 127.0.0.1 only, its own data directory, removed afterwards (also on
 * errors and signals, through ./cleanup).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  EmbeddedServer,
  type EmbeddedServerAddress,
} from '../../src/main/engine/demo/embedded-server'
import { reapOrphanedClusters } from '../../src/main/engine/demo/orphan-reaper'
import { onCleanup, onExit } from './cleanup'
import { countServerAsOurs } from './measure'
import { progress } from './output'

/** Clusters of earlier bench runs that were killed outright are reaped from here at start. */
const PARENT_DIR = path.join(os.tmpdir(), 'lifeguard-bench')

export interface BenchServer {
  server: EmbeddedServer
  address: EmbeddedServerAddress
}

export async function startServer(): Promise<EmbeddedServerAddress> {
  return (await startBenchServer()).address
}

export interface BenchServerOptions {
  /** Extra `-c name=value` settings for the postmaster (e.g. a raised max_connections). */
  postgresFlags?: string[]
}

export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const reaped = await reapOrphanedClusters(PARENT_DIR)
  if (reaped.length > 0) progress(`removed ${reaped.length} cluster(s) left by killed bench runs`)
  const log: string[] = []
  const server = new EmbeddedServer({
    parentDir: PARENT_DIR,
    ...(options.postgresFlags ? { postgresFlags: options.postgresFlags } : {}),
    log: (line) => {
      log.push(line)
      if (log.length > 50) log.shift()
    },
  })
  onCleanup('database server', () => server.dispose())
  onExit(() => {
    // Only if the orderly dispose did not run (e.g. process.exit from a signal handler).
    const dataDir = server.dataDirectory
    if (!dataDir || !fs.existsSync(dataDir)) return
    try {
      const pid = Number(
        fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      )
      if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT')
    } catch {
      // not running
    }
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
  })
  // CPU of the server's processes counts as the bench's own (Meter's "other" is everything else);
  // the postmaster changes at every restart, so its pid is read each time.
  countServerAsOurs(() => {
    try {
      const pidFile = path.join(server.dataDirectory, 'postmaster.pid')
      return Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || undefined
    } catch {
      return undefined
    }
  })
  try {
    const address = await server.init()
    if (address.host !== '127.0.0.1') throw new Error(`refusing to bench against ${address.host}`)
    return { server, address }
  } catch (error) {
    progress(`the embedded server did not start; its last log lines:\n${log.join('')}`)
    throw error
  }
}
