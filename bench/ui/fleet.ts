/**
 * The fleet the dashboard shows: N profiles on the one embedded server, spread over a few
 * databases (a DBA's fleet often has one profile per database of a server), in five groups with
 * colours, each with a small pool (poolMin 1, poolMax 4: with the two connections Lifeguard
 * reserves for its probe and its session sampler), all connected through the contract, and a few
 * with a light load-lab workload so the numbers move.
 */
import pg from 'pg'
import type { WorkloadSettings } from '../../src/shared/cockpit'
import type { ProfileColor, ProfileStatus } from '../../src/shared/domain'
import type { EmbeddedServerAddress } from '../../src/main/engine/demo/embedded-server'
import type { ContractClient } from './contract-client'
import { progress } from './log'

export const POOL = { poolMin: 1, poolMax: 4 } as const
/** Connections the server must allow per profile: the pool's max (reserved ones included). */
export const CONNECTIONS_PER_PROFILE = POOL.poolMax
/** Room for reconnect attempts (a fresh connection each), the bench's own and superusers'. */
export const SPARE_CONNECTIONS = 60

export const WORKLOAD: WorkloadSettings = {
  enabled: true,
  clients: 2,
  ratePerSecond: 8,
  query: 'sleep',
  sleepMs: 50,
  leakEverySeconds: null,
  leakHoldMs: 45_000,
}

const groups = ['Production', 'Staging', 'Reporting', 'Analytics', '']
const colors: (ProfileColor | undefined)[] = [undefined, 'blue', 'teal', 'green', 'amber', 'purple']
const names = ['orders', 'billing', 'users', 'events', 'search', 'audit', 'catalog', 'ledger']

export function maxConnectionsFor(profiles: number): number {
  return Math.max(100, profiles * CONNECTIONS_PER_PROFILE + SPARE_CONNECTIONS)
}

/** Creates `count` databases (bench_01 ...) on the server; returns their names. */
export async function createDatabases(
  address: EmbeddedServerAddress,
  count: number,
): Promise<string[]> {
  const client = new pg.Client({ ...address, application_name: 'ui-bench setup' })
  await client.connect()
  try {
    const out: string[] = []
    for (let i = 1; i <= count; i++) {
      const name = `bench_${String(i).padStart(2, '0')}`
      await client.query(`CREATE DATABASE ${name}`)
      out.push(name)
    }
    return out
  } finally {
    await client.end()
  }
}

export interface Fleet {
  ids: string[]
  /** The profiles running a workload (their names sort first on the dashboard). */
  workloadIds: string[]
  setupMs: { create: number; connect: number; workloads: number }
  /** performance.now() when every profile was connected (their history began about then). */
  connectedAt: number
}

const nameOf = (i: number) => `db-${String(i).padStart(3, '0')} ${names[i % names.length]}`

/**
 * Profile indices in the dashboard's order (named groups by name, the ungrouped last; by name
 * within a group), so the workloads go to the cards at the top of the page.
 */
export function dashboardOrder(count: number): number[] {
  const rank = (g: string) => (g === '' ? '\uffff' : g)
  return Array.from({ length: count }, (_, i) => i).sort(
    (a, b) =>
      rank(groups[a % groups.length]!).localeCompare(rank(groups[b % groups.length]!)) ||
      nameOf(a).localeCompare(nameOf(b), undefined, { numeric: true }),
  )
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run))
}

export async function buildFleet(
  client: ContractClient,
  address: EmbeddedServerAddress,
  databases: readonly string[],
  count: number,
  workloads: number,
): Promise<Fleet> {
  let t = performance.now()
  const ids: string[] = []
  const drafts = Array.from({ length: count }, (_, i) => i)
  await inBatches(drafts, 10, async (i) => {
    const color = colors[i % colors.length]
    const saved = await client.invoke('profiles:save', {
      profile: {
        name: nameOf(i),
        group: groups[i % groups.length],
        ...(color ? { color } : {}),
        host: address.host,
        port: address.port,
        database: databases[i % databases.length]!,
        user: address.user,
        sslmode: 'disable',
        settings: { ...POOL },
        password: address.password,
      },
    })
    ids[i] = saved.id
  })
  const create = performance.now() - t
  progress(`${count} profiles created in ${Math.round(create)} ms`)

  t = performance.now()
  const failed: ProfileStatus[] = []
  let done = 0
  await inBatches(ids, 10, async (id) => {
    const status = await client.invoke('pool:connect', { id })
    if (status.state !== 'connected') failed.push(status)
    if (++done % 50 === 0) progress(`${done} of ${count} connected`)
  })
  const connect = performance.now() - t
  if (failed.length > 0)
    throw new Error(
      `${failed.length} profiles did not connect, e.g. ${failed[0]?.state}: ${failed[0]?.error?.message}`,
    )
  progress(`${count} profiles connected in ${Math.round(connect)} ms`)

  t = performance.now()
  const workloadIds = dashboardOrder(count)
    .slice(0, workloads)
    .map((i) => ids[i]!)
  for (const id of workloadIds) await client.invoke('loadlab:set', { id, settings: WORKLOAD })
  return {
    ids,
    workloadIds,
    setupMs: { create, connect, workloads: performance.now() - t },
    connectedAt: t,
  }
}
