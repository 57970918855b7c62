/** Spy handlers and one valid request per invoke channel, shared by the dispatch tests. */
import { vi, type Mock } from 'vitest'
import {
  invokeChannels,
  type InvokeChannel,
  type InvokeHandlers,
} from '../../../src/shared/contract'

export type HandlerSpy = Mock<(request: unknown) => Promise<unknown>>

export function spyHandlers(): {
  handlers: InvokeHandlers
  spies: Record<InvokeChannel, HandlerSpy>
} {
  const spies = Object.fromEntries(
    invokeChannels.map((channel) => [
      channel,
      vi.fn(async (request: unknown) => ({ handledBy: channel, request })),
    ]),
  ) as Record<InvokeChannel, HandlerSpy>
  return { handlers: spies as unknown as InvokeHandlers, spies }
}

export function totalCalls(spies: Record<InvokeChannel, HandlerSpy>): number {
  return Object.values(spies).reduce((n, spy) => n + spy.mock.calls.length, 0)
}

export const validDraft = {
  name: 'Production',
  host: 'db.example.com',
  port: 5432,
  database: 'app',
  user: 'monitor',
  sslmode: 'verify-full',
  password: 's3cret',
}

/** One request per channel that passes its schema. */
export const validRequests: Record<InvokeChannel, Record<string, unknown>> = {
  'app:get-info': {},
  'monitor:get-snapshot': {},
  'profiles:list': {},
  'profiles:save': { id: 'p1', profile: { ...validDraft } },
  'profiles:delete': { id: 'p1' },
  'profiles:test': { draft: { ...validDraft } },
  'demo:start': {},
  'pool:connect': { id: 'p1', password: 's3cret' },
  'pool:disconnect': { id: 'p1' },
  'health:get-timeline': { id: 'p1' },
  'health:reconnect-now': { id: 'p1' },
  'health:reset-backoff': { id: 'p1' },
  'profiles:import-preview': { kind: 'pasted', text: 'host=db1 dbname=app user=dba' },
  'profiles:import-confirm': { previewId: '6f1c1a52-8f57-4a5e-9a43-0f6a8b7c9d10', rows: [0] },
  'profiles:export': { ids: ['p1'] },
  'sessions:get': { id: 'p1' },
  'sessions:cancel': { id: 'p1', pid: 4242 },
  'sessions:terminate': { id: 'p1', pid: 4242, allowOwn: false },
  'metrics:export': { ids: ['p1'], format: 'prometheus', range: '1h' },
  'pool:drain': { id: 'p1', deadlineMs: 5000, onDeadline: 'terminate' },
  'pool:resume': { id: 'p1' },
  'pool:shutdown': { id: 'p1' },
  'events:list': { id: 'p1', kinds: ['leak'], limit: 100 },
  'metrics:get-history': { id: 'p1', range: '5m' },
  'metrics:save': { ids: ['p1'], format: 'csv', range: '24h' },
  'loadlab:get': { id: 'p1' },
  'loadlab:set': {
    id: 'p1',
    settings: {
      enabled: true,
      clients: 4,
      ratePerSecond: 20,
      query: 'sleep',
      sleepMs: 50,
      leakEverySeconds: 60,
      leakHoldMs: 45000,
    },
  },
  'app:get-preferences': {},
  'app:set-preferences': {
    mutedProfileIds: ['p1'],
    notificationsEnabled: true,
    historySink: { profileId: 'p1', intervalMs: 10000 },
  },
  'queue:get': { id: 'p1', limit: 50 },
  'queue:submit': {
    id: 'p1',
    sql: 'INSERT INTO t (a) VALUES ($1)',
    params: ['x'],
    queueIfUnavailable: true,
  },
  'queue:resolve': { id: 'p1', operationId: 'op-1', action: 'skip' },
  'queue:requeue': { id: 'p1', operationId: 'op-1' },
  'queue:export': { id: 'p1', which: 'aside' },
  'queue:set-exactly-once': { id: 'p1', enabled: true },
  'queue:discard-damage': { id: 'p1' },
  'queue:save': { id: 'p1', which: 'all' },
  'history:get-status': {},
  'history:create-tables': { create: true },
}

/** Keys a request may leave out (everything else is required). */
export function isOptionalKey(channel: InvokeChannel, path: string[]): boolean {
  const last = path[path.length - 1]
  return (
    last === 'password' ||
    (channel === 'profiles:save' && path.join('.') === 'id') ||
    (channel === 'profiles:export' && path.join('.') === 'ids') ||
    (channel === 'metrics:export' && ['ids', 'range'].includes(path.join('.'))) ||
    (channel === 'metrics:save' && ['ids', 'range'].includes(path.join('.'))) ||
    (channel === 'pool:drain' && ['deadlineMs', 'onDeadline'].includes(path.join('.'))) ||
    (channel === 'events:list' && ['kinds', 'limit'].includes(path.join('.'))) ||
    (channel === 'queue:get' && path.join('.') === 'limit') ||
    (channel === 'queue:submit' && path.join('.') === 'params') ||
    channel === 'app:set-preferences' ||
    last === 'allowOwn'
  )
}

/** Numbers past the largest accepted value, by key name (default 65536, as for a port). */
export const numberAbove: Record<string, number> = {
  pid: 2 ** 31,
  deadlineMs: 3_600_001,
  intervalMs: 86_400_001,
  sleepMs: 600_001,
  leakHoldMs: 3_600_001,
  leakEverySeconds: 86_401,
}

/** Number fields that take fractions (everything else must be whole). */
export const fractionalKeys = new Set(['ratePerSecond'])

/** List fields for which an empty list is a valid answer (no parameters, nobody muted). */
export const emptyListKeys = new Set(['params', 'mutedProfileIds'])

/** Fields that accept null (a deliberate "none"). */
export const nullableKeys = new Set(['leakEverySeconds', 'profileId'])

/** Longest accepted length of each text field, by key name. */
export const textLimits: Record<string, number> = {
  id: 64,
  name: 100,
  host: 255,
  database: 63,
  user: 63,
  password: 1024,
  sslmode: 11,
  text: 8 * 1024,
  fileName: 255,
  sql: 64 * 1024,
  operationId: 128,
}

export interface Leaf {
  path: string[]
  value: unknown
}

/** Every leaf (non-object value) of a request, with its path. */
export function leaves(value: Record<string, unknown>, path: string[] = []): Leaf[] {
  return Object.entries(value).flatMap(([key, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? leaves(v as Record<string, unknown>, [...path, key])
      : [{ path: [...path, key], value: v }],
  )
}

/** A deep copy of `request` with the value at `path` replaced (or removed when `remove`). */
export function withLeaf(
  request: Record<string, unknown>,
  path: string[],
  value: unknown,
  remove = false,
): Record<string, unknown> {
  const copy = structuredClone(request)
  let target: Record<string, unknown> = copy
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = path[path.length - 1] as string
  if (remove) delete target[last]
  else target[last] = value
  return copy
}

/** A snapshot of Object.prototype's own keys, to detect pollution. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort()
}
