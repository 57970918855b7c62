/** The local demo's profile: its embedded server started (once a run) and the profile pointed at it. */
import { LifeguardError } from '../core/errors'
import type { DemoDatabase } from '../demo/demo-database'
import type { StoredProfile } from '../profiles/profile-file'
import { DEMO_PROFILE_ID, type ProfileStore } from '../profiles/profile-store'

export interface DemoProfile {
  profile: { stored: StoredProfile; password: string }
  /** The profile was created or its address changed (a fresh server on a new port). */
  changed: boolean
}

export async function ensureDemoProfile(
  demo: DemoDatabase | undefined,
  store: ProfileStore,
): Promise<DemoProfile> {
  if (!demo)
    throw new LifeguardError('demo-unavailable', 'the local demo is not available in this shell')
  const { password, ...where } = await demo.start()
  const existing = store.has(DEMO_PROFILE_ID) ? store.get(DEMO_PROFILE_ID) : undefined
  const changed = !existing || existing.port !== where.port || existing.host !== where.host
  const stored = changed ? store.upsertDemo(where) : existing
  return { profile: { stored, password }, changed }
}
