/** Names for the profile colours: a colour is always shown with its name, never alone. */
import type { ProfileColor } from '../../../shared/domain'

export const profileColorLabels: Record<ProfileColor, string> = {
  slate: 'Slate',
  blue: 'Blue',
  teal: 'Teal',
  green: 'Green',
  amber: 'Amber',
  orange: 'Orange',
  red: 'Red',
  purple: 'Purple',
}
