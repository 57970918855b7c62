/**
 * The engine's facade: owns the profile store, the session passwords and one ProfileSession per
 * profile, and emits the contract's events. Both shells wire it the same way; it never imports
 * electron.
 */
import type { EventPayloads } from '../../../shared/contract'
import type {
  AppInfo,
  AppWarning,
  ConnectionTestResult,
  HealthTimeline,
  ImportPreviewView,
  MetricsExport,
  MonitorSnapshot,
  ProfilesExport,
  ProfileStatus,
  ProfileSummary,
  Shell,
} from '../../../shared/domain'
import type { ProfileDraft } from '../../../shared/schemas'
import type { Clock } from '../core/clock'
import { TypedEmitter } from '../core/emitter'
import { isLifeguardError, LifeguardError } from '../core/errors'
import type { SessionActionResult, SessionsView } from '../../../shared/sessions'
import { defaults, type EngineSettings } from '../defaults'
import type { DemoDatabase } from '../demo/demo-database'
import { DemoWorkload } from '../demo/demo-workload'
import type { ConnectionParams } from '../pool/pg-connection'
import { testConnection } from '../profiles/connection-test'
import type { StoredProfile } from '../profiles/profile-file'
import { DEMO_PROFILE_ID, type ProfileStore } from '../profiles/profile-store'
import type { SecretVault } from '../secrets/secret-vault'
import {
  ImportCoordinator,
  type ImportEnvironment,
  type ImportSource,
} from '../profiles/import/import-coordinator'
import { profileDraftSchema } from '../../../shared/schemas'
import { MetricsRecorder, prometheusBucketBoundsMs } from './metrics-recorder'
import { profilesExport } from '../profiles/profiles-export'
import { PasswordSources } from './password-sources'
import { ProfileSession } from './profile-session'
import {
  connectionParams,
  healthOf,
  sessionSettingsOf,
  sizingOf,
  type ConnectionTarget,
} from './profile-settings'

export interface MonitorOptions {
  store: ProfileStore
  clock: Clock
  shell: Shell
  version: string
  dataDir: string
  settings: EngineSettings
  warnings?: AppWarning[]
  demo?: DemoDatabase
  /** Stored passwords (encrypted); refuses to store where encryption is not real. */
  vault: SecretVault
  /** What libpq would read (PGPASSFILE, PGSERVICEFILE, home, OS user): imports and .pgpass. */
  importEnvironment: ImportEnvironment
}

export type TestTarget = { draft: ProfileDraft } | { id: string; password?: string | undefined }

export class Monitor {
  readonly events = new TypedEmitter<EventPayloads>()
  private readonly passwords: PasswordSources
  private readonly sessions = new Map<string, ProfileSession>()
  private readonly warnings: AppWarning[]
  private demoWorkload: DemoWorkload | undefined
  private readonly imports: ImportCoordinator
  private readonly metrics = new MetricsRecorder()
  private disposed = false

  constructor(private readonly options: MonitorOptions) {
    this.warnings = [...(options.warnings ?? []), ...options.vault.problems]
    this.imports = new ImportCoordinator(options.importEnvironment, options.clock.now)
    this.passwords = new PasswordSources(options.vault, options.importEnvironment, (problem) =>
      this.raiseWarning({
        id: `pgpass-${problem.message}`.slice(0, 200),
        message: problem.message,
      }),
    )
  }

  /** The latest sample of the server's sessions and the alert list (issue 6). */
  sessionsView(id: string): SessionsView {
    this.options.store.get(id)
    const observer = this.sessionFor(id).sessions
    const error = observer?.lastError
    return {
      profileId: id,
      snapshot: observer?.latest ?? null,
      error: error
        ? { code: isLifeguardError(error) ? error.code : 'query-failed', message: error.message }
        : null,
      alerts: observer?.alerts() ?? [],
    }
  }

  /** Cancel or terminate a server session after the UI's confirmation (the pid is bound). */
  async sessionAction(
    id: string,
    action: 'cancel' | 'terminate',
    pid: number,
    allowOwn = false,
  ): Promise<SessionActionResult> {
    this.options.store.get(id)
    const observer = this.sessionFor(id).sessions
    if (!observer) throw new LifeguardError('invalid-state', 'the profile is not connected')
    const result =
      action === 'cancel'
        ? await observer.cancel(pid, { allowOwn })
        : await observer.terminate(pid, { allowOwn })
    // Sample again (bounded by the sample timeout), so the list the UI reloads shows the effect.
    await observer.sample().catch(() => undefined)
    return result
  }

  /** A metrics snapshot of some profiles (or all) as JSON, CSV or Prometheus text. */
  exportMetrics(
    ids: readonly string[] | undefined,
    format: 'json' | 'csv' | 'prometheus',
    range: '5m' | '1h' | '24h',
  ): MetricsExport {
    const profiles =
      ids === undefined ? this.options.store.list() : ids.map((id) => this.options.store.get(id))
    const gathered = profiles.map((p) => {
      const session = this.sessionFor(p.id)
      return {
        profile: this.summary(p),
        status: session.status(),
        pool: session.poolMetrics(prometheusBucketBoundsMs),
        alerts: session.sessions?.alerts() ?? [],
      }
    })
    const scope = ids !== undefined && ids.length === 1 ? 'profile' : 'all'
    return this.metrics.export(format, gathered, range, this.options.clock.wallNow(), scope)
  }

  /** Profiles as JSON without passwords (and without password commands, which may hold tokens). */
  exportProfiles(ids: readonly string[] | undefined): ProfilesExport {
    const wanted = ids === undefined ? undefined : new Set(ids)
    if (wanted) for (const id of wanted) this.options.store.get(id)
    const chosen = this.options.store.list().filter((p) => !wanted || wanted.has(p.id))
    return profilesExport(chosen, this.options.clock.wallNow())
  }

  /** Reads an import source; nothing is created until confirmImport. */
  previewImport(source: ImportSource): Promise<ImportPreviewView> {
    return this.imports.preview(source, this.options.store.list())
  }

  /** Creates the confirmed rows of a preview in one write (all or none). */
  confirmImport(previewId: string, rows: readonly number[]): ProfileSummary[] {
    const confirmed = this.imports.take(previewId, rows)
    const drafts = confirmed.map(({ draft }) => {
      const parsed = profileDraftSchema.safeParse(draft)
      if (!parsed.success)
        throw new LifeguardError(
          'validation',
          `"${draft.name}" cannot be imported: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        )
      return parsed.data
    })
    const created = this.options.store.createMany(drafts)
    created.forEach((profile, i) => {
      const password = confirmed[i]?.password
      if (password !== undefined) this.passwords.setTyped(profile.id, password)
    })
    this.profilesChanged()
    return created.map((p) => this.summary(p))
  }

  info(): AppInfo {
    return {
      version: this.options.version,
      shell: this.options.shell,
      dataDir: this.options.dataDir,
      nodeVersion: process.versions.node,
      warnings: [...this.warnings],
      secretStorage: this.secretStorage(),
    }
  }

  private secretStorage(): AppInfo['secretStorage'] {
    const status = this.options.vault.status()
    return status.encrypts
      ? { available: true, backend: status.backend, reason: null }
      : { available: false, backend: null, reason: status.reason }
  }

  raiseWarning(warning: AppWarning): void {
    if (this.warnings.some((w) => w.id === warning.id)) return
    this.warnings.push(warning)
    this.events.emit('app:warning-raised', warning)
  }

  listProfiles(): ProfileSummary[] {
    return this.options.store.list().map((p) => this.summary(p))
  }

  snapshot(): MonitorSnapshot {
    return {
      profiles: this.listProfiles(),
      statuses: this.options.store.list().map((p) => this.sessionFor(p.id).status()),
    }
  }

  saveProfile(id: string | undefined, draft: ProfileDraft): ProfileSummary {
    // Checked first, so a password that cannot be stored changes nothing at all.
    if (draft.rememberPassword === true) {
      if (draft.password === undefined && (id === undefined || !this.passwords.hasTyped(id)))
        throw new LifeguardError('validation', 'enter the password to remember')
      this.passwords.assertCanStore()
    }
    const saved =
      id === undefined ? this.options.store.create(draft) : this.options.store.update(id, draft)
    if (draft.password !== undefined) this.passwords.setTyped(saved.id, draft.password)
    this.passwords.remember(saved.id, draft.rememberPassword)
    this.profilesChanged()
    return this.summary(saved)
  }

  async deleteProfile(id: string): Promise<{ id: string }> {
    const profile = this.options.store.get(id)
    await this.disconnect(id)
    if (profile.kind === 'demo') this.stopDemoWorkload()
    this.options.store.delete(id)
    this.passwords.forget(id)
    this.metrics.forget(id)
    this.sessions.delete(id)
    this.profilesChanged()
    return { id }
  }

  async testConnection(target: TestTarget): Promise<ConnectionTestResult> {
    if ('draft' in target) {
      const { password, ...fields } = target.draft
      return testConnection(this.params(fields, password), this.options.clock)
    }
    const profile = this.options.store.get(target.id)
    if (profile.kind === 'demo') await this.ensureDemoServer()
    const password = target.password ?? (await this.passwords.resolve(profile))
    return testConnection(this.params(profile, password), this.options.clock)
  }

  async connect(id: string, password?: string, remember?: boolean): Promise<ProfileStatus> {
    this.assertOpen()
    let profile = this.options.store.get(id)
    if (profile.kind === 'demo') profile = await this.ensureDemoServer()
    if (remember === true) this.passwords.assertCanStore()
    if (password !== undefined) this.passwords.setTyped(id, password)
    if (remember !== undefined && profile.kind !== 'demo') {
      this.passwords.remember(id, remember)
      this.profilesChanged()
    }
    const known = await this.passwords.resolve(profile)
    if (known === undefined)
      throw new LifeguardError(
        'password-required',
        `enter the password for user "${profile.user}": passwords are kept for this run only`,
      )
    const session = this.sessionFor(id)
    // A new password (after a failed login, say) needs a fresh session: the running one would keep
    // retrying with the old one.
    if (password !== undefined && session.state !== 'connected' && session.state !== 'disconnected')
      await session.disconnect()
    const status = await session.connect(
      this.params(profile, known),
      sizingOf(profile),
      healthOf(profile, this.options.settings.health),
      sessionSettingsOf(profile),
    )
    if (profile.kind === 'demo' && status.state !== 'disconnected') {
      this.stopDemoWorkload()
      this.demoWorkload = new DemoWorkload(session, this.options.clock, defaults.demo.clients)
      this.demoWorkload.start()
    }
    return status
  }

  healthTimeline(id: string): HealthTimeline {
    this.options.store.get(id)
    const session = this.sessionFor(id)
    return { status: session.status(), attempts: session.timeline() }
  }

  reconnectNow(id: string): ProfileStatus {
    this.options.store.get(id)
    return this.sessionFor(id).reconnectNow()
  }

  resetBackoff(id: string): ProfileStatus {
    this.options.store.get(id)
    return this.sessionFor(id).resetBackoff()
  }

  async disconnect(id: string): Promise<ProfileStatus> {
    const profile = this.options.store.get(id)
    if (profile.kind === 'demo') this.stopDemoWorkload()
    return this.sessionFor(id).disconnect()
  }

  /** Creates (or refreshes) the local demo profile and connects it. */
  async startDemo(): Promise<ProfileSummary> {
    this.assertOpen()
    await this.ensureDemoServer()
    await this.connect(DEMO_PROFILE_ID)
    return this.summary(this.options.store.get(DEMO_PROFILE_ID))
  }

  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    this.stopDemoWorkload()
    await Promise.allSettled([...this.sessions.values()].map((s) => s.disconnect()))
    await this.options.demo?.dispose()
    this.passwords.clear()
    this.events.removeAll()
  }

  private async ensureDemoServer(): Promise<StoredProfile> {
    const demo = this.options.demo
    if (!demo)
      throw new LifeguardError('demo-unavailable', 'the local demo is not available in this shell')
    const address = await demo.start()
    const { password, ...where } = address
    const existing = this.options.store.has(DEMO_PROFILE_ID)
      ? this.options.store.get(DEMO_PROFILE_ID)
      : undefined
    const changed = !existing || existing.port !== where.port || existing.host !== where.host
    const profile = changed ? this.options.store.upsertDemo(where) : existing
    this.passwords.setTyped(DEMO_PROFILE_ID, password)
    if (changed) this.profilesChanged()
    return profile
  }

  private stopDemoWorkload(): void {
    this.demoWorkload?.stop()
    this.demoWorkload = undefined
  }

  private sessionFor(id: string): ProfileSession {
    let session = this.sessions.get(id)
    if (!session) {
      session = new ProfileSession(id, {
        clock: this.options.clock,
        health: this.options.settings.health,
        onAttempt: (record) => {
          this.metrics.countAttempt(id)
          this.events.emit('health:attempt-recorded', record)
        },
        onSessions: (snapshot) =>
          this.events.emit('sessions:sampled', {
            profileId: id,
            sampledAt: snapshot.sampledAt,
            connections: snapshot.connections,
            counts: snapshot.counts,
            sampleMs: snapshot.sampleMs,
          }),
        onAlerts: (alerts) => this.events.emit('alerts:changed', { profileId: id, alerts }),
        onStatus: (status) => this.events.emit('connection:state-changed', status),
        onStats: (stats, at) => {
          this.metrics.record(id, stats, at, this.sessions.get(id)?.status())
          this.events.emit('pool:stats-changed', { profileId: id, stats, at })
        },
      })
      this.sessions.set(id, session)
    }
    return session
  }

  private params(where: ConnectionTarget, password: string | undefined): ConnectionParams {
    return connectionParams(where, password, this.options.settings)
  }

  private summary(profile: StoredProfile): ProfileSummary {
    return {
      ...profile,
      hasSessionPassword: this.passwords.hasTyped(profile.id),
      passwordStored: this.passwords.isStored(profile.id),
    }
  }

  private profilesChanged(): void {
    this.events.emit('profiles:changed', this.listProfiles())
  }

  private assertOpen(): void {
    if (this.disposed) throw new LifeguardError('invalid-state', 'Lifeguard is shutting down')
  }
}
