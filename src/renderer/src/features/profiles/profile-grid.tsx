import { useMemo } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import { groupProfiles } from '../../lib/profile-groups'
import { selectors, useStore } from '../../stores/store'
import { ProfileCard } from './profile-card'

export function ProfileGrid() {
  const profiles = useStore(selectors.profiles.profiles)
  const connected = useStore(selectors.statuses.connectedCount)
  return <ProfileSections profiles={profiles} connected={connected} />
}

interface ProfileSectionsProps {
  profiles: readonly ProfileSummary[]
  connected: number
}

/**
 * The cards, under their group's heading (groups by name, the ungrouped ones last under "No
 * group"). With no group at all, one plain grid as before.
 */
export function ProfileSections({ profiles, connected }: ProfileSectionsProps) {
  const groups = useMemo(() => groupProfiles(profiles), [profiles])
  const grouped = groups.some((g) => g.name !== '')
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <div className="section-bar">
        <h2 id="profiles-title">Connection profiles</h2>
        <span className="muted num">
          {profiles.length} {profiles.length === 1 ? 'profile' : 'profiles'} · {connected} connected
        </span>
      </div>
      {grouped ? (
        groups.map((group) => (
          <ProfileGroupSection
            key={group.name || '\u0000ungrouped'}
            name={group.name}
            profiles={group.profiles}
          />
        ))
      ) : (
        <CardGrid profiles={profiles} />
      )}
    </section>
  )
}

function ProfileGroupSection({ name, profiles }: { name: string; profiles: ProfileSummary[] }) {
  const title = name || 'No group'
  return (
    <section
      className={`profile-group${name ? '' : ' profile-group-none'}`}
      data-testid="profile-group"
      data-group={name}
      aria-label={`${title}: ${profiles.length} ${profiles.length === 1 ? 'profile' : 'profiles'}`}
    >
      <h3 className="group-heading">
        <span className="group-name">{title}</span>
        <span className="group-count num">{profiles.length}</span>
      </h3>
      <CardGrid profiles={profiles} headingLevel={4} />
    </section>
  )
}

function CardGrid({
  profiles,
  headingLevel = 3,
}: {
  profiles: readonly ProfileSummary[]
  headingLevel?: 3 | 4
}) {
  return (
    <div className="card-grid">
      {profiles.map((profile) => (
        <ProfileCard key={profile.id} profile={profile} headingLevel={headingLevel} />
      ))}
    </div>
  )
}
