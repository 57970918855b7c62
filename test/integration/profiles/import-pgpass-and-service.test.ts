/**
 * Issue 7 items 2 and 6: import a .pgpass and a pg_service.conf through the monitor (preview, then
 * confirm), connect the imported profile with the password libpq would take from .pgpass (none
 * typed in), and find the canary password nowhere outside the password file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Monitor } from '../../../src/main/engine/monitor/monitor'
import { openMonitor } from '../../helpers/monitor-harness'
import { pgTarget } from '../../helpers/pg-target'
import { tempDir } from '../../helpers/temp-dir'

const target = pgTarget()
let dir: string
let cleanup: () => void
let monitor: Monitor
const seen: unknown[] = []

function writeFiles(pgpassMode: number) {
  const pgpass = path.join(dir, 'pgpass')
  // The password may contain the characters .pgpass escapes.
  const escaped = target.password.replace(/\\/g, '\\\\').replace(/:/g, '\\:')
  fs.writeFileSync(
    pgpass,
    `# written by the test\n${target.host}:${target.port}:${target.database}:${target.user}:${escaped}\n`,
    { mode: pgpassMode },
  )
  fs.chmodSync(pgpass, pgpassMode)
  const service = path.join(dir, 'pg_service.conf')
  fs.writeFileSync(
    service,
    `[reporting]\nhost=${target.host}\nport=${target.port}\ndbname=${target.database}\nuser=${target.user}\nsslmode=disable\napplication_name=lifeguard-import-test\n`,
  )
  return { PGPASSFILE: pgpass, PGSERVICEFILE: service }
}

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  seen.length = 0
})
afterEach(async () => {
  await monitor.dispose()
  cleanup()
})

function open(env: Record<string, string>) {
  monitor = openMonitor(path.join(dir, 'data'), 5000, {}, env)
  for (const channel of [
    'profiles:changed',
    'connection:state-changed',
    'health:attempt-recorded',
    'app:warning-raised',
  ] as const)
    monitor.events.on(channel, (payload) => seen.push(payload))
}

describe('importing .pgpass and pg_service.conf', () => {
  it('previews, creates on confirm, and connects with the .pgpass password', async () => {
    open(writeFiles(0o600))
    const pgpassPreview = await monitor.previewImport({ kind: 'pgpass' })
    expect(monitor.listProfiles()).toEqual([]) // a preview creates nothing
    expect(pgpassPreview.rows).toHaveLength(1)
    expect(pgpassPreview.rows[0]).toMatchObject({ status: 'new', candidate: { user: target.user } })

    const servicePreview = await monitor.previewImport({ kind: 'service-file' })
    expect(servicePreview.rows).toHaveLength(1)
    // The same endpoint as the .pgpass row, which is not created yet: both are new.
    expect(servicePreview.rows[0]).toMatchObject({
      status: 'new',
      candidate: { name: 'reporting', passwordSource: 'pgpass' },
    })
    const [created] = monitor.confirmImport(servicePreview.previewId, [0])
    expect(created).toMatchObject({ name: 'reporting', applicationName: 'lifeguard-import-test' })
    expect(created?.hasSessionPassword).toBe(false)

    // The .pgpass row is now a duplicate of the imported service.
    const again = await monitor.previewImport({ kind: 'pgpass' })
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', duplicateOf: created?.id })
    expect(() => monitor.confirmImport(again.previewId, [0])).toThrow(/cannot be imported/)

    const status = await monitor.connect(created!.id)
    expect(status.state).toBe('connected')
    await monitor.disconnect(created!.id)

    // A preview is used once.
    expect(() => monitor.confirmImport(servicePreview.previewId, [0])).toThrow(/expired|used/)

    const everything = JSON.stringify({
      seen,
      pgpassPreview,
      servicePreview,
      again,
      profiles: monitor.listProfiles(),
      snapshot: monitor.snapshot(),
      info: monitor.info(),
    })
    expect(everything).not.toContain(target.password)
    const dataFiles = fs.readdirSync(path.join(dir, 'data'))
    for (const f of dataFiles) {
      const file = path.join(dir, 'data', f)
      if (fs.statSync(file).isFile())
        expect(fs.readFileSync(file, 'utf8')).not.toContain(target.password)
    }
  })

  it('ignores a group-readable .pgpass with a warning, as libpq does, and asks for the password', async () => {
    open(writeFiles(0o640))
    const preview = await monitor.previewImport({ kind: 'pgpass' })
    expect(preview.rows).toEqual([])
    expect(preview.problems.map((p) => p.message).join(' ')).toMatch(/0600/)
    const service = await monitor.previewImport({ kind: 'service-file' })
    const [created] = monitor.confirmImport(service.previewId, [0])
    await expect(monitor.connect(created!.id)).rejects.toMatchObject({ code: 'password-required' })
    expect(
      monitor
        .info()
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/0600/)
  })

  it('refuses a malformed service file with the line number and creates nothing', async () => {
    const env = writeFiles(0o600)
    fs.appendFileSync(env.PGSERVICEFILE, 'this line has no equals sign\n')
    open(env)
    const preview = await monitor.previewImport({ kind: 'service-file' })
    expect(preview.rows).toEqual([])
    expect(preview.problems.some((p) => p.severity === 'error' && /:8\b/.test(p.where))).toBe(true)
    expect(monitor.listProfiles()).toEqual([])
  })

  it('uses a password written in the service file itself (kept in main for this run)', async () => {
    const service = path.join(dir, 'pg_service.conf')
    fs.writeFileSync(
      service,
      `[inline]\nhost=${target.host}\nport=${target.port}\ndbname=${target.database}\nuser=${target.user}\nsslmode=disable\npassword=${target.password}\n`,
      { mode: 0o600 },
    )
    open({ PGSERVICEFILE: service, PGPASSFILE: path.join(dir, 'no-such-pgpass') })
    const preview = await monitor.previewImport({ kind: 'service-file' })
    expect(preview.rows[0]?.candidate.passwordSource).toBe('inline')
    expect(JSON.stringify(preview)).not.toContain(target.password)
    const [created] = monitor.confirmImport(preview.previewId, [0])
    expect(created?.hasSessionPassword).toBe(true)
    expect((await monitor.connect(created!.id)).state).toBe('connected')
  })
})
