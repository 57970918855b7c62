/** A SessionSampler over a StubAcquirer on a fake clock, answering with canned rows. */
import { SessionSampler } from '../../../../src/main/engine/sessions/session-sampler'
import {
  resolveSessionSettings,
  type SessionSettings,
} from '../../../../src/main/engine/sessions/session-settings'
import type { SessionSnapshot } from '../../../../src/main/engine/sessions/session-types'
import { FakeClock } from '../../../helpers/fake-clock'
import { rowsOf, sampler, session, type CannedRow } from './canned-rows'
import { StubAcquirer } from './stub-acquirer'

export function samplerHarness(overrides: Partial<SessionSettings> = {}) {
  const clock = new FakeClock()
  const settings = resolveSessionSettings(overrides)
  let version = 180004
  let sessions: CannedRow[] = [sampler(), session(101)]
  const acquirer = new StubAcquirer((text) => {
    if (/server_version_num AS server_version_num$/.test(text.trim()))
      return [{ server_version_num: version }]
    return rowsOf(sessions, { server_version_num: version })
  })
  const snapshots: SessionSnapshot[] = []
  const errors: Error[] = []
  const instance = new SessionSampler({
    acquirer,
    clock,
    settings,
    ownPids: () => [101],
    onSnapshot: (s) => snapshots.push(s),
    onError: (e) => errors.push(e),
  })
  return {
    clock,
    settings,
    acquirer,
    sampler: instance,
    snapshots,
    errors,
    setVersion(v: number) {
      version = v
    },
    setSessions(rows: CannedRow[]) {
      sessions = rows
    },
    /** The sampling queries sent so far (not the version reads). */
    sampleQueries() {
      return acquirer.queries.filter((q) => q.text.includes('WITH settings'))
    },
  }
}
