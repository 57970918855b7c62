import { profileColors, type ProfileColor } from '../../../../shared/domain'
import { profileColorLabels } from '../../lib/profile-colors'

interface ColorPickerProps {
  id: string
  value: ProfileColor | ''
  onChange(value: ProfileColor | ''): void
}

const options: { value: ProfileColor | ''; label: string }[] = [
  { value: '', label: 'None' },
  ...profileColors.map((c) => ({ value: c, label: profileColorLabels[c] })),
]

/**
 * Swatches as a radio group: each radio is labelled with the colour's name, each swatch says it
 * on hover, and the chosen name is written beside them.
 */
export function ColorPicker({ id, value, onChange }: ColorPickerProps) {
  const chosen = options.find((o) => o.value === value)?.label ?? 'None'
  return (
    <fieldset className="field color-field" data-testid="color-picker">
      <legend id={`${id}-legend`}>Colour</legend>
      <div className="swatches" role="radiogroup" aria-labelledby={`${id}-legend`}>
        {options.map((o) => (
          <label
            key={o.value || 'none'}
            className={`swatch-option${o.value === value ? ' swatch-chosen' : ''}`}
            title={o.label}
          >
            <input
              type="radio"
              className="visually-hidden"
              name={`${id}-color`}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span
              className={o.value ? `swatch pc-${o.value}` : 'swatch swatch-none'}
              aria-hidden="true"
            />
            <span className="visually-hidden">{o.label}</span>
          </label>
        ))}
        <span className="swatch-name" aria-hidden="true" data-testid="color-name">
          {chosen}
        </span>
      </div>
    </fieldset>
  )
}
