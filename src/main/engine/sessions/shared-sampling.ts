/**
 * One session sampler per server, shared by the profiles that point at it. A DBA's fleet often
 * has several profiles on one server (one per database); pg_stat_activity is the same for all of
 * them as long as they sample as the same role, so sampling it once per interval for every profile
 * would read the same rows N times (200 profiles, 100 samples a second of 600+ rows each).
 *
 * Profiles share a sampler when their `identity` (server address and role: what the role can see;
 * see monitor/sampling-identity.ts) and their sampling settings (interval, timeout, own
 * application prefix, partition) are equal. The group runs one SessionSampler (timer, version
 * handling, timeout, no overlap) whose connection comes from one of its running members (the
 * first; after a failed sample the next one takes over), builds each sample once without pool pids,
 * and hands it to every running member, which marks its own pool's sessions (own-sessions-overlay)
 * and goes on as with a sampler of its own: its alerts, its sessions:sampled, its latest view.
 *
 *   member.start() -> joins the running group (the group samples at once if it was idle, or hands
 *                     the newcomer its latest sample on the next timer turn)
 *   member.stop()  -> leaves; the group stops when its last member does and is forgotten when no
 *                     member uses it
 *   member.sample() -> a sample now through this member's own connection (or joins the one in
 *                      flight); every running member gets it too
 */
import type { Clock } from '../core/clock'
import { LifeguardError } from '../core/errors'
import { withOwnSessions } from './own-sessions-overlay'
import type { SessionAcquirer, SessionLease } from './bounded-lease'
import { SessionSampler, type SessionSamplerDeps } from './session-sampler'
import { resolveSessionSettings, type SessionSettings } from './session-settings'
import type { SessionSnapshot } from './session-types'

/** What the session observer needs of a sampler: a SessionSampler, or a member of a shared one. */
export type SampleSource = Pick<
  SessionSampler,
  'isRunning' | 'latest' | 'lastError' | 'start' | 'stop' | 'sample'
>

export class SharedSampling {
  private readonly groups = new Map<string, SamplingGroup>()

  constructor(private readonly clock: Clock) {}

  /** How many shared samplers exist now (one per server and settings in use). */
  get groupCount(): number {
    return this.groups.size
  }

  /** A sampler for one profile, shared with the others of the same identity and settings. */
  member(identity: string, deps: SessionSamplerDeps): SampleSource {
    const settings = deps.settings ?? resolveSessionSettings()
    const key = JSON.stringify([
      identity,
      settings.sampleIntervalMs,
      settings.sampleTimeoutMs,
      settings.ownApplicationPrefix,
      deps.partition === undefined ? 'default' : deps.partition,
    ])
    return new SharedMember(
      { ...deps, settings },
      () => this.group(key, deps, settings),
      (g) => this.release(key, g),
    )
  }

  private group(key: string, deps: SessionSamplerDeps, settings: SessionSettings): SamplingGroup {
    let group = this.groups.get(key)
    if (!group) {
      group = new SamplingGroup(this.clock, settings, deps.partition)
      this.groups.set(key, group)
    }
    group.users++
    return group
  }

  private release(key: string, group: SamplingGroup): void {
    group.users--
    if (group.users <= 0 && this.groups.get(key) === group) this.groups.delete(key)
  }
}

/** The members of one shared sampler and the sampler itself. */
class SamplingGroup {
  /** Members using the group (running, or waiting for a sample of their own). */
  users = 0
  /** Running members in join order; the first one lends the connection. */
  private readonly running: SharedMember[] = []
  /** A member asking for a sample now lends its own connection for it. */
  private requester: SharedMember | undefined
  readonly sampler: SessionSampler

  constructor(clock: Clock, settings: SessionSettings, partition: string | null | undefined) {
    const acquirer: SessionAcquirer = {
      acquire: (options): Promise<SessionLease> => {
        const lender = this.requester ?? this.running[0]
        this.requester = undefined
        if (!lender)
          return Promise.reject(
            new LifeguardError('invalid-state', 'no profile is left to sample the server'),
          )
        return lender.acquirer.acquire(options)
      },
    }
    this.sampler = new SessionSampler({
      acquirer,
      clock,
      settings,
      ...(partition === undefined ? {} : { partition }),
      onSnapshot: (snapshot) => {
        for (const m of [...this.running]) m.deliver(snapshot)
      },
      onError: (error) => {
        // The next sample goes through the next member (this one's pool may be the problem).
        const first = this.running.shift()
        if (first) this.running.push(first)
        for (const m of [...this.running]) m.fail(error)
      },
    })
  }

  join(member: SharedMember): void {
    this.running.push(member)
    if (this.running.length === 1) this.sampler.start()
  }

  leave(member: SharedMember): void {
    const i = this.running.indexOf(member)
    if (i >= 0) this.running.splice(i, 1)
    if (this.running.length === 0) this.sampler.stop()
  }

  sample(requester: SharedMember): Promise<SessionSnapshot> {
    this.requester = requester
    try {
      return this.sampler.sample()
    } finally {
      this.requester = undefined
    }
  }
}

/** One profile's side of a shared sampler; behaves like a SessionSampler of its own. */
class SharedMember implements SampleSource {
  private group: SamplingGroup | undefined
  private base: SessionSnapshot | undefined
  private view: SessionSnapshot | undefined
  private failure: Error | undefined
  private generation = 0

  constructor(
    private readonly deps: SessionSamplerDeps & { settings: SessionSettings },
    private readonly use: () => SamplingGroup,
    private readonly unuse: (group: SamplingGroup) => void,
  ) {}

  get acquirer(): SessionAcquirer {
    return this.deps.acquirer
  }

  get isRunning(): boolean {
    return this.group !== undefined
  }

  get latest(): SessionSnapshot | undefined {
    return this.view
  }

  get lastError(): Error | undefined {
    return this.failure
  }

  start(): void {
    if (this.group) return
    this.generation++
    const group = this.use()
    this.group = group
    group.join(this)
    // A group that was already sampling: its latest sample now, the next one on its schedule.
    const latest = group.sampler.latest
    const generation = this.generation
    if (latest && group.sampler.isRunning)
      this.deps.clock.setTimeout(() => {
        if (this.group === group && this.generation === generation && this.base !== latest)
          this.deliver(latest)
      }, 0)
  }

  stop(): void {
    const group = this.group
    if (!group) return
    this.generation++
    this.group = undefined
    group.leave(this)
    this.unuse(group)
  }

  async sample(): Promise<SessionSnapshot> {
    const generation = this.generation
    const group = this.group ?? this.use()
    const borrowed = group !== this.group
    try {
      const base = await group.sample(this)
      // Running members heard of it already; one that is not running hears of it here (as a
      // SessionSampler reports a sample unless it was stopped while the sample ran).
      if (this.base !== base && (this.isRunning || generation === this.generation))
        this.deliver(base)
      return this.base === base && this.view ? this.view : withOwnSessions(base, this.ownPids())
    } catch (error) {
      if (!this.isRunning && generation === this.generation) this.fail(error as Error)
      throw error
    } finally {
      if (borrowed) this.unuse(group)
    }
  }

  /** A successful sample of the group. */
  deliver(base: SessionSnapshot): void {
    this.base = base
    this.view = withOwnSessions(base, this.ownPids())
    this.failure = undefined
    this.deps.onSnapshot?.(this.view)
  }

  fail(error: Error): void {
    this.failure = error
    this.deps.onError?.(error)
  }

  private ownPids(): Set<number> {
    return new Set(this.deps.ownPids?.() ?? [])
  }
}
