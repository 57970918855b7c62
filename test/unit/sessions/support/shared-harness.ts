/**
 * Profiles sharing one session sampler (shared-sampling.ts) on a fake clock: each member has its
 * own StubAcquirer (its own pool), answering with the same server rows except the sampler's pid,
 * which names the member whose connection took the sample (900 + the member's index).
 */
import {
  SharedSampling,
  type SampleSource,
} from '../../../../src/main/engine/sessions/shared-sampling'
import {
  resolveSessionSettings,
  type SessionSettings,
} from '../../../../src/main/engine/sessions/session-settings'
import type { SessionSnapshot } from '../../../../src/main/engine/sessions/session-types'
import { FakeClock } from '../../../helpers/fake-clock'
import { active, rowsOf, session, type CannedRow } from './canned-rows'
import { StubAcquirer } from './stub-acquirer'

export const IDENTITY = '["db.example", 5432, "app"]'

export interface Member {
  index: number
  samplerPid: number
  acquirer: StubAcquirer
  source: SampleSource
  snapshots: SessionSnapshot[]
  errors: Error[]
}

export function sharedHarness() {
  const clock = new FakeClock()
  const sampling = new SharedSampling(clock)
  let serverSessions: CannedRow[] = [session(101), session(102), session(103)]
  const members: Member[] = []

  function addMember(
    options: {
      identity?: string
      ownPids?: number[]
      settings?: Partial<SessionSettings>
      partition?: string | null
    } = {},
  ): Member {
    const index = members.length
    const samplerPid = 900 + index
    const acquirer = new StubAcquirer((text) => {
      if (!text.includes('WITH settings')) return [{ server_version_num: 180004 }]
      const me = active(samplerPid, 1, { application_name: 'lifeguard', query: 'WITH settings' })
      return rowsOf([me, ...serverSessions], { sampler_pid: samplerPid })
    })
    const snapshots: SessionSnapshot[] = []
    const errors: Error[] = []
    const source = sampling.member(options.identity ?? IDENTITY, {
      acquirer,
      clock,
      settings: resolveSessionSettings(options.settings ?? {}),
      ...(options.partition === undefined ? {} : { partition: options.partition }),
      ownPids: () => options.ownPids ?? [],
      onSnapshot: (s) => snapshots.push(s),
      onError: (e) => errors.push(e),
    })
    const member: Member = { index, samplerPid, acquirer, source, snapshots, errors }
    members.push(member)
    return member
  }

  /** Sampling queries sent through every member's connection so far. */
  const sampleQueries = () =>
    members.reduce(
      (n, m) => n + m.acquirer.queries.filter((q) => q.text.includes('WITH settings')).length,
      0,
    )

  return {
    clock,
    sampling,
    addMember,
    sampleQueries,
    setServerSessions: (rows: CannedRow[]) => (serverSessions = rows),
  }
}
