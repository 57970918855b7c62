/** The profiles export (issue 7): JSON without passwords, and without password commands (they may hold tokens). */
import type { ProfilesExport } from '../../../shared/domain'
import type { StoredProfile } from './profile-file'

export function profilesExport(
  profiles: readonly StoredProfile[],
  wallNow: number,
): ProfilesExport {
  const exported = profiles
    .filter((p) => p.kind === 'user')
    .map(({ passwordCommand: _command, kind: _kind, ...rest }) => rest)
  const at = new Date(wallNow)
  const json = `${JSON.stringify(
    {
      lifeguardProfilesExport: 1,
      exportedAt: at.toISOString(),
      note: 'No passwords: enter them, store them, or use .pgpass or a password command after importing.',
      profiles: exported,
    },
    null,
    2,
  )}\n`
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, '-')
  return { fileName: `lifeguard-profiles-${stamp}.json`, json, count: exported.length }
}
