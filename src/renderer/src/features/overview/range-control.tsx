/** 5 min / 1 h / 24 h, as a group of radio buttons (arrow keys move between them). */
import { useId } from 'react'
import { historyRanges, type HistoryRange } from '../../../../shared/cockpit'
import { rangeSpecs } from './series-buffer'

export function RangeControl({
  value,
  onChange,
}: {
  value: HistoryRange
  onChange(range: HistoryRange): void
}) {
  const name = useId()
  return (
    <fieldset className="segmented" data-testid="range-control">
      <legend className="visually-hidden">Time range</legend>
      {historyRanges.map((range) => (
        <label key={range} className={range === value ? 'seg seg-on' : 'seg'}>
          <input
            type="radio"
            name={name}
            value={range}
            checked={range === value}
            onChange={() => onChange(range)}
          />
          {rangeSpecs[range].label}
        </label>
      ))}
    </fieldset>
  )
}
