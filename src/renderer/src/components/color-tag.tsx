import type { ProfileColor } from '../../../shared/domain'
import { profileColorLabels } from '../lib/profile-colors'

/** A profile's colour as a dot and its name (colour is never the only signal). */
export function ColorTag({ color }: { color: ProfileColor }) {
  return (
    <span className="color-tag" data-testid="profile-color" data-color={color}>
      <span className={`color-dot pc-${color}`} aria-hidden="true" />
      {profileColorLabels[color]}
    </span>
  )
}
