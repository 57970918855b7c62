/**
 * A real Monitor (profile file, preferences and queue files in a temp dir; fake clock) whose
 * profile sessions use stub connections, plus what the write-queue wiring tests look at: every
 * queue:changed and history:changed push, the statements the stub connections ran, and a wait for
 * the real files' I/O (fsync is real here). The stubs answer the exactly-once bookkeeping as a
 * server would the first time (every id new), so replay commits.
 */
import { createMonitor } from '../../../src/main/engine/create-monitor'
import { defaultEngineSettings } from '../../../src/main/engine/defaults'
import type { ProfileDrivers } from '../../../src/main/engine/monitor/profile-drivers'
import { insertIdsSql } from '../../../src/main/engine/queue/replay/applied-operations-sql'
import type { HistorySinkStatus, QueueStatus } from '../../../src/shared/queue'
import { openConf } from '../../helpers/conf-store'
import { FakeClock } from '../../helpers/fake-clock'
import { until } from '../../helpers/pg-pool-harness'
import { stubFactory, type StubConnection } from '../../helpers/pool-stubs'
import { tempDir } from '../../helpers/temp-dir'

interface StatementFault {
  match: RegExp
  error: () => Error
}

function answeringBookkeeping(
  c: StubConnection,
  fault: () => StatementFault | null,
): StubConnection {
  const query = c.query.bind(c)
  c.query = async (text: string, values?: unknown[]) => {
    const f = fault()
    if (f?.match.test(text)) {
      c.queries.push(text)
      c.params.push(values)
      throw f.error()
    }
    const result = await query(text, values)
    if (text === insertIdsSql) return { rows: (values?.[0] as string[]).map((id) => ({ id })) }
    return result
  }
  return c
}

export function wiredMonitor(dataDir?: string) {
  const temp = dataDir === undefined ? tempDir() : null
  const dir = dataDir ?? temp!.dir
  const clock = new FakeClock()
  const factory = stubFactory()
  let fault: StatementFault | null = null
  const drivers: ProfileDrivers = {
    connect: async () => answeringBookkeeping(await factory.connect(), () => fault),
    attempt: async () => ({ serverVersion: '18.1' }),
    admin: () => ({ cancelBackend: async () => true, terminateBackend: async () => true }),
  }
  const monitor = createMonitor({
    dataDir: dir,
    openStore: () => openConf(dir),
    clock,
    shell: 'web',
    version: '0.0.0-test',
    settings: defaultEngineSettings,
    sessionDeps: { drivers, observeSessions: false, random: () => 0.5 },
  })
  const queueStatuses: QueueStatus[] = []
  const sinkStatuses: HistorySinkStatus[] = []
  monitor.events.on('queue:changed', (s) => queueStatuses.push(s))
  monitor.events.on('history:changed', (s) => sinkStatuses.push(s))
  const draft = (name: string) => ({
    name,
    host: '127.0.0.1',
    port: 5432,
    database: 'app',
    user: 'dba',
    sslmode: 'disable' as const,
    password: 'sekret-pw-1234',
  })
  return {
    dir,
    clock,
    factory,
    monitor,
    draft,
    queueStatuses,
    sinkStatuses,
    async profile(name: string, connect = true): Promise<string> {
      const p = monitor.saveProfile(undefined, draft(name))
      if (connect) await monitor.connect(p.id)
      return p.id
    },
    /** Statements matching `match` fail on every connection (null: none) with a server error. */
    failStatements(match: RegExp | null, sqlstate = '23505', message = 'duplicate key value') {
      fault = match
        ? {
            match,
            error: () => Object.assign(new Error(message), { code: sqlstate, severity: 'ERROR' }),
          }
        : null
    },
    /** Every statement the stub connections ran, with its parameters, in order per connection. */
    statements(): Array<{ sql: string; params: unknown[] | undefined }> {
      return factory.made.flatMap((c) => c.queries.map((sql, i) => ({ sql, params: c.params[i] })))
    },
    /** Polls what real I/O (fsync, replay promises) brings about. */
    until<T>(what: string, probe: () => T, accept: (v: T) => boolean): Promise<T> {
      return until(what, probe, accept, 5_000)
    },
    async close(): Promise<void> {
      await monitor.dispose()
      temp?.cleanup()
    },
  }
}
