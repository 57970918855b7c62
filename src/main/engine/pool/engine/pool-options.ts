/**
 * Every pool setting, its default and its rules, in one place. Defaults follow
 * docs reference.md (Pool table); a value of 0 switches a timed feature off where noted.
 * Validation messages say which setting is wrong, its value, and why the rule exists.
 */
import { z } from 'zod'
import { LifeguardError } from '../../core/errors'
import { partitionNamePattern } from './partitions'

/**
 * The longest delay a timer can have (2^31 - 1 ms, about 24.8 days; Node fires longer ones at
 * once). An acquire timeout this long means "wait forever" and arms no timer.
 */
export const FOREVER_MS = 2 ** 31 - 1

export const poolDefaults = {
  /** Largest number of connections, in use or idle. */
  max: 10,
  /** Connections kept open (warm) at all times while running; the HouseKeeper refills to it. */
  min: 2,
  /**
   * Connections opened by `start()`; undefined means `min`. 0 is allowed with any `min`: start-up
   * opens nothing (so it cannot fail on an unreachable database) and the pool fills to `min` in the
   * background, backing off on failures.
   */
  initial: undefined as number | undefined,
  /** How long `acquire` waits for a connection before failing. */
  acquireTimeoutMs: 30_000,
  /** An idle connection above `min` is closed after this long unused (0 = never). */
  idleTimeoutMs: 600_000,
  /** A connection is retired after this long, shortened by up to 2.5 % at random (0 = never). */
  maxLifetimeMs: 1_800_000,
  /** An idle connection is checked with `SELECT 1` this often (0 = off). */
  keepaliveMs: 120_000,
  /** A connection held longer than this raises a `leak` event (0 = off). */
  leakDetectionMs: 30_000,
  /**
   * When to capture the acquire site reported with a leak. 'always' (every lease, ~2 µs each:
   * the largest cost of an acquire) or 'after-first-leak' (free until the pool has seen a leak;
   * that first report has no site, later ones do). Ignored when leakDetectionMs is 0.
   * Default 'after-first-leak': V8 walks the stack on every capture, which would make each
   * acquire ~14x dearer than the pool's own work; the first leak still names its holder, backend
   * pid and time held, and every later acquire records its site.
   */
  leakSiteCapture: 'after-first-leak' as 'always' | 'after-first-leak',
  /** Most callers allowed to wait at once; one more gets a 'queue-full' error. */
  maxWaiting: 1_000,
  /** Most connections being opened at the same time. */
  maxConcurrentCreates: 2,
  /** Check an idle connection with `SELECT 1` before handing it out... */
  validateOnAcquire: true,
  /** ...unless it was used or checked within this many ms (HikariCP's bypass window). */
  validationBypassMs: 500,
  /** A validation or reset query that takes longer than this fails and the connection is removed. */
  validationTimeoutMs: 5_000,
  /** Period of the HouseKeeper (idle timeout, refill to `min`). */
  housekeepingMs: 30_000,
  /** A waiter's effective priority rises by one level per this many ms waited (no starvation). */
  priorityAgingMs: 1_000,
  /** After a failed creation, the next one waits this long, doubling per failure... */
  createBackoffMs: 250,
  /** ...up to this. */
  createBackoffMaxMs: 5_000,
  /**
   * Named capacity reserved for acquirers that pass `acquire({ partition })`, e.g. `{ monitor: 1 }`
   * for Lifeguard's own probes. General acquirers hold at most max - sum(reserved). See
   * partitions.ts for the full semantics. Default: none.
   */
  partitions: {} as Readonly<Record<string, number>>,
}

const count = (name: string, least: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: (i) => `${name} (${String(i.input)}) must be a whole number` })
    .min(least, { error: (i) => `${name} (${String(i.input)}) must be at least ${least}` })

const duration = (name: string, least: number, why: string) =>
  z
    .number({ error: `${name} must be a number of milliseconds` })
    .int({ error: (i) => `${name} (${String(i.input)}) must be a whole number of milliseconds` })
    .min(least, { error: (i) => `${name} (${String(i.input)}) must be at least ${least}: ${why}` })

/** 0 switches the feature off; otherwise at least `least`. */
const optionalDuration = (name: string, least: number, why: string) =>
  duration(name, 0, 'a duration cannot be negative').refine((v) => v === 0 || v >= least, {
    error: (i) => `${name} (${String(i.input)}) must be 0 (off) or at least ${least}: ${why}`,
  })

const schema = z
  .object({
    max: count('max', 1),
    min: count('min', 0),
    initial: count('initial', 0).optional(),
    acquireTimeoutMs: duration('acquireTimeoutMs', 1, 'a caller must be allowed to wait'),
    idleTimeoutMs: optionalDuration(
      'idleTimeoutMs',
      1_000,
      'shorter would close connections between ordinary requests',
    ),
    maxLifetimeMs: optionalDuration(
      'maxLifetimeMs',
      1_000,
      'shorter would reconnect almost constantly',
    ),
    keepaliveMs: optionalDuration(
      'keepaliveMs',
      1_000,
      'shorter would flood the server with checks',
    ),
    leakDetectionMs: optionalDuration(
      'leakDetectionMs',
      1_000,
      'holds shorter than a second are ordinary work, not leaks',
    ),
    leakSiteCapture: z.enum(['always', 'after-first-leak'], {
      error: (i) => `leakSiteCapture (${String(i.input)}) must be 'always' or 'after-first-leak'`,
    }),
    maxWaiting: count('maxWaiting', 0),
    maxConcurrentCreates: count('maxConcurrentCreates', 1),
    validateOnAcquire: z.boolean({ error: 'validateOnAcquire must be true or false' }),
    validationBypassMs: duration('validationBypassMs', 0, 'a duration cannot be negative'),
    validationTimeoutMs: duration('validationTimeoutMs', 1, 'a check needs time to answer'),
    housekeepingMs: duration('housekeepingMs', 100, 'shorter would keep the event loop busy'),
    priorityAgingMs: duration('priorityAgingMs', 1, 'waiters must age to avoid starvation'),
    createBackoffMs: duration('createBackoffMs', 0, 'a duration cannot be negative'),
    createBackoffMaxMs: duration('createBackoffMaxMs', 0, 'a duration cannot be negative'),
    partitions: z.record(
      z.string().regex(partitionNamePattern, {
        error: (i) =>
          `partition name "${String(i.input)}" must be an identifier (letters, digits and _, not starting with a digit)`,
      }),
      z
        .number({ error: 'a partition reservation must be a number of connections' })
        .int({
          error: (i) => `a partition reservation (${String(i.input)}) must be a whole number`,
        })
        .min(1, {
          error: (i) =>
            `a partition reservation (${String(i.input)}) must be at least 1: a partition that reserves nothing is the general pool`,
        }),
      {
        error: (i) =>
          i.code === 'invalid_type'
            ? 'partitions must be an object of name: reserved connections'
            : undefined,
      },
    ),
  })
  .strict()
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (o.min > o.max)
      issue(
        'min',
        `min (${o.min}) must not exceed max (${o.max}): the pool could never keep min open`,
      )
    if (o.initial !== undefined && o.initial !== 0 && (o.initial < o.min || o.initial > o.max))
      issue(
        'initial',
        `initial (${o.initial}) must be between min (${o.min}) and max (${o.max}): start-up opens initial connections and the pool always holds between min and max`,
      )
    if (o.keepaliveMs > 0 && o.maxLifetimeMs > 0 && o.keepaliveMs >= o.maxLifetimeMs)
      issue(
        'keepaliveMs',
        `keepaliveMs (${o.keepaliveMs}) must be shorter than maxLifetimeMs (${o.maxLifetimeMs}): a connection would expire before it is ever validated`,
      )
    if (o.idleTimeoutMs > 0 && o.maxLifetimeMs > 0 && o.idleTimeoutMs >= o.maxLifetimeMs)
      issue(
        'idleTimeoutMs',
        `idleTimeoutMs (${o.idleTimeoutMs}) must be shorter than maxLifetimeMs (${o.maxLifetimeMs}): a connection would always be retired by age before it could time out idle`,
      )
    if (o.keepaliveMs > 0 && o.validationTimeoutMs >= o.keepaliveMs)
      issue(
        'validationTimeoutMs',
        `validationTimeoutMs (${o.validationTimeoutMs}) must be shorter than keepaliveMs (${o.keepaliveMs}): one check would still be running when the next is due`,
      )
    const reserved = Object.values(o.partitions).reduce((a, b) => a + b, 0)
    if (reserved >= o.max)
      issue(
        'partitions',
        `partitions reserve ${reserved} connection(s) (${Object.entries(o.partitions)
          .map(([k, v]) => `${k}=${v}`)
          .join(
            ', ',
          )}) but max is ${o.max}: the reservations must total less than max so general acquirers keep at least one connection`,
      )
    if (o.createBackoffMaxMs < o.createBackoffMs)
      issue(
        'createBackoffMaxMs',
        `createBackoffMaxMs (${o.createBackoffMaxMs}) must not be below createBackoffMs (${o.createBackoffMs}): the cap would be smaller than the first delay`,
      )
  })

export type PoolOptionsInput = Partial<typeof poolDefaults>

/** Validated settings; `initial` is resolved. */
export type PoolOptions = Omit<typeof poolDefaults, 'initial'> & { initial: number }

/** Merges the defaults with `input` and validates; throws a 'validation' error naming every problem. */
export function resolvePoolOptions(input: PoolOptionsInput = {}): PoolOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
  const merged = { ...poolDefaults, ...defined }
  // A default min never conflicts with a smaller max the caller chose.
  if (input.min === undefined && typeof merged.max === 'number')
    merged.min = Math.max(0, Math.min(poolDefaults.min, merged.max))
  const parsed = schema.safeParse(merged)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? `unknown pool option(s): ${i.keys.join(', ')}`
        : i.code === 'invalid_key' // a bad partition name: say which rule it broke
          ? i.issues.map((k) => k.message).join('; ')
          : i.message,
    )
    throw new LifeguardError('validation', `invalid pool options: ${problems.join('; ')}`)
  }
  const o = parsed.data
  return { ...o, initial: o.initial ?? o.min }
}
