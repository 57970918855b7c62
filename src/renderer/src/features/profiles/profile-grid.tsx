import { selectors, useStore } from '../../stores/store'
import { ProfileCard } from './profile-card'

export function ProfileGrid() {
  const profiles = useStore(selectors.profiles.profiles)
  const connected = useStore(selectors.statuses.connectedCount)
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <div className="section-bar">
        <h2 id="profiles-title">Connection profiles</h2>
        <span className="muted num">
          {profiles.length} {profiles.length === 1 ? 'profile' : 'profiles'} · {connected} connected
        </span>
      </div>
      <div className="card-grid">
        {profiles.map((profile) => (
          <ProfileCard key={profile.id} profile={profile} />
        ))}
      </div>
    </section>
  )
}
