/**
 * The engine's facade: owns the profile store, the session passwords and one ProfileSession per
 * profile, and emits the contract's events. Both shells wire it the same way; it never imports
 * electron.
 */
import path from 'node:path'
import type { EventPayloads } from '../../../shared/contract'
import type {
  AppPreferences,
  EngineEventPage,
  MetricsSeries,
  ShutdownResult,
  WorkloadSettings,
  WorkloadStatus,
} from '../../../shared/cockpit'
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
import { LifeguardError } from '../core/errors'
import type { SessionActionResult, SessionsView } from '../../../shared/sessions'
import type { EngineSettings } from '../defaults'
import type { DemoDatabase } from '../demo/demo-database'
import type { EventQuery } from '../events/event-log'
import { demoWorkloadDefaults, userWorkloadDefaults } from '../loadlab/workload-settings'
import type { HistoryRange } from '../metrics'
import { PreferencesStore, type PreferencesChange } from '../preferences/preferences-store'
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
import { runSessionAction, serverViewOf, sessionsViewOf } from './sessions-view'
import { ensureDemoProfile } from './demo-profile'
import { appInfo } from './app-info'
import { profilesExport } from '../profiles/profiles-export'
import { PasswordSources } from './password-sources'
import type { DrainRequest, ProfileSession, ProfileSessionDeps } from './profile-session'
import { ProfileSessions } from './profile-sessions'
import type { ProfileQueues } from './profile-queues'
import { QueueConsents, QUEUE_CONSENTS_FILE } from './queue-consents'
import { wireQueues } from './history-wiring'
import type { HistorySink } from '../history/history-sink'
import {
  connectionParams,
  effectiveSettingsOf,
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
  /** The app's preferences (`<dataDir>/preferences.json`). */
  preferences: PreferencesStore
  /** Test seam: stub drivers for the profile sessions (unit tests without a database). */
  sessionDeps?: Partial<Pick<ProfileSessionDeps, 'drivers' | 'observeSessions' | 'random'>>
}

/** The server a profile writes to (what a consent is about). */
const serverOf = (p: StoredProfile) => `${p.host}:${p.port}/${p.database}`

export type TestTarget = { draft: ProfileDraft } | { id: string; password?: string | undefined }

export class Monitor {
  readonly events = new TypedEmitter<EventPayloads>()
  private readonly passwords: PasswordSources
  /** One session per profile, with its metrics, engine events and load lab. */
  private readonly profiles: ProfileSessions
  private readonly warnings: AppWarning[]
  private readonly imports: ImportCoordinator
  /** Each profile's durable write queue (issue 5); queue:* handlers call it. */
  readonly queues: ProfileQueues
  /** The history sink (issue 5): history:* handlers call it. */
  readonly history: HistorySink
  private readonly consents: QueueConsents
  private disposed = false

  constructor(private readonly options: MonitorOptions) {
    this.consents = new QueueConsents(
      path.join(options.dataDir, QUEUE_CONSENTS_FILE),
      options.clock.wallNow,
    )
    this.warnings = [
      ...(options.warnings ?? []),
      ...options.vault.problems,
      ...options.preferences.warnings,
      ...this.consents.warnings,
    ]
    this.profiles = new ProfileSessions({
      clock: options.clock,
      health: options.settings.health,
      events: this.events,
      // The local demo runs a gentle workload by default, so every view is alive.
      initialWorkload: (id) =>
        options.store.has(id) && options.store.get(id).kind === 'demo'
          ? { ...demoWorkloadDefaults }
          : { ...userWorkloadDefaults },
      ...(options.sessionDeps ? { sessionDeps: options.sessionDeps } : {}),
    })
    const wired = wireQueues({
      ...options,
      consents: this.consents,
      events: this.events,
      session: (id) => this.profiles.get(id),
      warn: (warning) => this.raiseWarning(warning),
    })
    this.queues = wired.queues
    this.history = wired.history
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
    return sessionsViewOf(this.session(id))
  }

  /** Cancel or terminate a server session after the UI's confirmation (the pid is bound). */
  sessionAction(
    id: string,
    action: 'cancel' | 'terminate',
    pid: number,
    allowOwn = false,
  ): Promise<SessionActionResult> {
    return runSessionAction(this.session(id), action, pid, allowOwn)
  }

  /** A metrics snapshot of some profiles (or all) as JSON, CSV or Prometheus text. */
  exportMetrics(
    ids: readonly string[] | undefined,
    format: 'json' | 'csv' | 'prometheus',
    range: '5m' | '1h' | '24h',
  ): MetricsExport {
    const profiles =
      ids === undefined ? this.options.store.list() : ids.map((id) => this.options.store.get(id))
    const gathered = profiles.map((p) => ({
      ...this.profiles.exportInput(this.summary(p)),
      queue: this.queues.status(p.id),
    }))
    const scope = ids !== undefined && ids.length === 1 ? 'profile' : 'all'
    return this.profiles.metrics.export(
      format,
      gathered,
      range,
      this.options.clock.wallNow(),
      scope,
    )
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
    const { version, shell, dataDir, vault } = this.options
    return appInfo({ version, shell, dataDir, vault, warnings: this.warnings })
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
    const stored = this.options.store.list()
    const statuses = stored.map((p) => this.sessionFor(p.id).status())
    return {
      profiles: this.listProfiles(),
      statuses,
      queues: stored.map((p) => this.queues.status(p.id)),
      servers: statuses
        .filter((s) => s.health !== null)
        .map((s) => serverViewOf(this.sessionFor(s.profileId))),
    }
  }

  saveProfile(id: string | undefined, draft: ProfileDraft): ProfileSummary {
    // Checked first, so a password that cannot be stored changes nothing at all.
    if (draft.rememberPassword === true) {
      if (draft.password === undefined && (id === undefined || !this.passwords.hasTyped(id)))
        throw new LifeguardError('validation', 'enter the password to remember')
      this.passwords.assertCanStore()
    }
    const before = id === undefined ? undefined : this.options.store.get(id)
    const saved =
      id === undefined ? this.options.store.create(draft) : this.options.store.update(id, draft)
    // A consent to create tables was given for one server: another one asks again.
    if (before && serverOf(before) !== serverOf(saved)) {
      this.queues.serverChanged(saved.id)
      this.history.statusChanged()
    }
    if (draft.password !== undefined) this.passwords.setTyped(saved.id, draft.password)
    this.passwords.remember(saved.id, draft.rememberPassword)
    this.profilesChanged()
    return this.summary(saved)
  }

  async deleteProfile(id: string): Promise<{ id: string }> {
    // Refused while writes are queued for it: nothing acknowledged may vanish.
    await this.queues.retire(id, this.options.store.get(id).name)
    await this.disconnect(id)
    this.options.store.delete(id)
    this.passwords.forget(id)
    this.profiles.forget(id)
    if (this.options.preferences.forgetProfile(id)) {
      this.events.emit('preferences:changed', this.options.preferences.get())
      this.history.configure()
    }
    this.consents.forget(id)
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
    return session.connect(
      this.params(profile, known),
      sizingOf(profile, this.options.settings),
      healthOf(profile, this.options.settings.health),
      sessionSettingsOf(profile),
    )
  }

  healthTimeline(id: string): HealthTimeline {
    const session = this.session(id)
    return { status: session.status(), attempts: session.timeline() }
  }

  reconnectNow(id: string): ProfileStatus {
    return this.session(id).reconnectNow()
  }

  resetBackoff(id: string): ProfileStatus {
    return this.session(id).resetBackoff()
  }

  async disconnect(id: string): Promise<ProfileStatus> {
    return this.session(id).disconnect()
  }

  // ---- the cockpit (issue 8) ------------------------------------------------------------------

  /** Drains the profile's pool; the answer comes at once, the progress in status pushes. */
  drain(id: string, request: DrainRequest): ProfileStatus {
    return this.session(id).drain(request)
  }

  resume(id: string): ProfileStatus {
    return this.session(id).resume()
  }

  /** Ends the pool at once (connections in use terminated); the profile is disconnected. */
  shutdown(id: string): Promise<ShutdownResult & { status: ProfileStatus }> {
    return this.session(id).shutdown()
  }

  /** The profile's engine events, newest first. */
  listEvents(id: string, query: EventQuery): EngineEventPage {
    return this.profiles.engineEvents.list(this.known(id), query)
  }

  metricsHistory(id: string, range: HistoryRange): MetricsSeries {
    return this.profiles.metrics.history.query(this.known(id), range, this.options.clock.wallNow())
  }

  getWorkload(id: string): WorkloadStatus {
    return this.profiles.workloads.get(this.known(id))
  }

  setWorkload(id: string, settings: WorkloadSettings): WorkloadStatus {
    return this.profiles.workloads.set(this.known(id), settings)
  }

  preferences(): AppPreferences {
    return this.options.preferences.get()
  }

  /** Only the keys given change; an unknown profile id is 'not-found' and changes nothing. */
  setPreferences(change: PreferencesChange): AppPreferences {
    const next = this.options.preferences.set(change, (id) => this.options.store.has(id))
    this.events.emit('preferences:changed', next)
    this.history.configure()
    return next
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
    this.history.dispose()
    await this.queues.dispose()
    await this.profiles.dispose()
    await this.options.demo?.dispose()
    this.passwords.clear()
    this.events.removeAll()
  }

  private async ensureDemoServer(): Promise<StoredProfile> {
    const { profile, changed } = await ensureDemoProfile(this.options.demo, this.options.store)
    this.passwords.setTyped(DEMO_PROFILE_ID, profile.password)
    if (changed) {
      // A fresh demo cluster: nothing Lifeguard created on the last one is there.
      this.queues.serverChanged(DEMO_PROFILE_ID)
      this.profilesChanged()
    }
    return profile.stored
  }

  private sessionFor(id: string): ProfileSession {
    return this.profiles.get(id)
  }

  /** The session of a profile that must exist ('not-found' otherwise). */
  private session(id: string): ProfileSession {
    return this.profiles.get(this.known(id))
  }

  /** `id`, after checking the profile exists ('not-found' otherwise). */
  private known(id: string): string {
    return this.options.store.get(id).id
  }

  private params(where: ConnectionTarget, password: string | undefined): ConnectionParams {
    return connectionParams(where, password, this.options.settings)
  }

  private summary(profile: StoredProfile): ProfileSummary {
    return {
      ...profile,
      hasSessionPassword: this.passwords.hasTyped(profile.id),
      passwordStored: this.passwords.isStored(profile.id),
      effectiveSettings: effectiveSettingsOf(profile, this.options.settings),
    }
  }

  private profilesChanged(): void {
    const profiles = this.listProfiles()
    this.events.emit('profiles:changed', profiles)
    this.queues.announce(profiles.map((p) => p.id))
  }

  private assertOpen(): void {
    if (this.disposed) throw new LifeguardError('invalid-state', 'Lifeguard is shutting down')
  }
}
