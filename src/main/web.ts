/**
 * Browser-mode composition root: engine -> http + WebSocket server on 127.0.0.1.
 * Usage: node out/main/web.js [--port N] [--data-dir DIR] [--demo] [--connect-timeout-ms N]
 *        [--leak-detection-ms N] (every pool's leak threshold: 0 off, else at least 1000; tests
 *        and trying out the load lab use a short one)
 */
import Conf from 'conf'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { systemClock } from './engine/core/clock'
import { createMonitor, PROFILES_FILE_NAME } from './engine/create-monitor'
import { defaultEngineSettings } from './engine/defaults'
import { createHandlers } from './engine/handlers'
import type { JsonStoreBackend } from './engine/profiles/profile-file'
import { createDispatch } from './transport/dispatch'
import { startWebServer } from './transport/web/web-server'
import { version } from '../../package.json'

function fail(message: string): never {
  console.error(`lifeguard: ${message}`)
  process.exit(2)
}

function positiveInt(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max)
    fail(`--${name} must be a whole number between 0 and ${max}`)
  return n
}

function defaultDataDir(): string {
  const base = process.env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config')
  return path.join(base, 'Lifeguard')
}

async function main(): Promise<void> {
  let args
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'connect-timeout-ms': { type: 'string' },
        'leak-detection-ms': { type: 'string' },
      },
      strict: true,
    }).values
  } catch (error) {
    fail((error as Error).message)
  }
  const port = positiveInt('port', args.port, 65535) ?? 0
  const connectTimeoutMs = positiveInt('connect-timeout-ms', args['connect-timeout-ms'], 600_000)
  const leakDetectionMs = positiveInt('leak-detection-ms', args['leak-detection-ms'], 86_400_000)
  if (leakDetectionMs !== undefined && leakDetectionMs > 0 && leakDetectionMs < 1000)
    fail('--leak-detection-ms must be 0 (off) or at least 1000')
  const dataDir = path.resolve(
    args['data-dir'] ?? process.env['LIFEGUARD_DATA_DIR'] ?? defaultDataDir(),
  )

  const monitor = createMonitor({
    dataDir,
    openStore: () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: PROFILES_FILE_NAME,
        clearInvalidConfig: false,
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
      }) as unknown as JsonStoreBackend,
    clock: systemClock,
    shell: 'web',
    version,
    settings: {
      ...defaultEngineSettings,
      ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
      ...(leakDetectionMs !== undefined ? { pool: { leakDetectionMs } } : {}),
    },
    environment: process.env,
  })
  const dispatch = createDispatch(createHandlers(monitor), {
    onInternalError: (channel, error) => console.error(`lifeguard: ${channel} failed:`, error),
  })
  const server = await startWebServer({
    dispatch,
    events: monitor.events,
    staticDir: path.join(import.meta.dirname, '../renderer'),
    port,
    now: systemClock.now,
  }).catch((error: unknown) =>
    fail(`could not listen on 127.0.0.1:${port}: ${(error as Error).message}`),
  )

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`lifeguard: ${signal}: stopping`)
    await server.close()
    await monitor.dispose()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  console.log(`Lifeguard browser mode, data in ${dataDir}`)
  console.log(`Open ${server.url}`)
  if (args.demo) {
    const started = await monitor.startDemo().catch((error: unknown) => {
      console.error(`lifeguard: the local demo could not start: ${(error as Error).message}`)
      return undefined
    })
    if (started) console.log(`Local demo connected (PostgreSQL on 127.0.0.1:${started.port})`)
  }
}

void main()
