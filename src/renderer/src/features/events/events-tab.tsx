/**
 * The Events tab: every typed engine event of the profile, newest first: events:list on open,
 * then live events:recorded batches (kept in a bounded ring in the store), filterable by kind
 * and severity. Messages and data are shown as text.
 */
import { useEffect, useId, useMemo, useState } from 'react'
import { engineEventKinds, type EngineEventKind } from '../../../../shared/cockpit'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import { ErrorMessage } from '../../components/error-message'
import { useSecondTick } from '../../lib/use-second-tick'
import { selectors, useStore } from '../../stores/store'
import { EVENTS_CAPACITY } from '../../stores/slices/events-slice'
import {
  allEvents,
  dataText,
  eventKindLabels,
  eventTime,
  filterEvents,
  severities,
  severityText,
  type EventFilter,
} from './events-model'

/** Rows rendered at once (the ring keeps more). */
const ROWS_SHOWN = 300

export function EventsTab({ profileId }: { profileId: string }) {
  const api = useApi()
  const id = useId()
  const events = useStore(selectors.events.events(profileId))
  const [filter, setFilter] = useState<EventFilter>(allEvents)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const now = useSecondTick()

  useEffect(() => {
    let live = true
    void api.listEvents({ id: profileId, limit: EVENTS_CAPACITY }).then(
      (result) => {
        if (!live) return
        const store = useStore.getState()
        if (result.ok) {
          store.setEngineEvents(profileId, result.data.events)
          setTotal(result.data.total)
          setError(null)
        } else {
          // Watch live events anyway: they still arrive.
          store.setEngineEvents(profileId, [])
          setError(result.error)
        }
      },
      (e: unknown) => live && setError({ code: 'internal', message: String(e) }),
    )
    return () => {
      live = false
    }
  }, [api, profileId])

  const shown = useMemo(() => filterEvents(events, filter), [events, filter])
  const toggleSeverity = (severity: (typeof severities)[number], on: boolean) => {
    const next = new Set(filter.severities)
    if (on) next.add(severity)
    else next.delete(severity)
    setFilter({ ...filter, severities: next })
  }

  return (
    <div className="events-tab" data-testid="events-tab">
      <div className="tab-bar">
        <h3>Events</h3>
        <div className="field field-inline">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={filter.kind ?? ''}
            onChange={(e) =>
              setFilter({
                ...filter,
                kind: e.target.value === '' ? null : (e.target.value as EngineEventKind),
              })
            }
          >
            <option value="">All kinds</option>
            {engineEventKinds.map((k) => (
              <option key={k} value={k}>
                {eventKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="inline-checks">
          <legend className="visually-hidden">Severity</legend>
          {severities.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={filter.severities.has(s)}
                onChange={(e) => toggleSeverity(s, e.target.checked)}
              />
              {severityText[s].text}
            </label>
          ))}
        </fieldset>
        <span className="spacer" />
        <span className="muted num" data-testid="events-count" aria-live="polite">
          {shown.length} of {events.length} shown
          {total !== null && total > events.length ? ` (main keeps ${total})` : ''}
        </span>
      </div>
      {error && (
        <ErrorMessage
          error={error}
          testId="events-error"
          title="Could not load earlier events; new ones appear as they happen"
        />
      )}
      {shown.length === 0 ? (
        <p className="muted" data-testid="events-empty">
          {events.length === 0
            ? 'No events yet: connections opened and removed, leaks, drains, state and health changes, alerts and queued writes are listed here as they happen.'
            : 'No event matches these filters.'}
        </p>
      ) : (
        <div className="table-wrap events-wrap" tabIndex={0} aria-label="Events, newest first">
          <table className="data-table events-table" data-testid="events-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Severity</th>
                <th scope="col">Kind</th>
                <th scope="col">Message</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, ROWS_SHOWN).map((e) => (
                <tr
                  key={e.seq}
                  data-testid="event-row"
                  data-kind={e.kind}
                  data-severity={e.severity}
                  className={`event-${e.severity}`}
                >
                  <td className="num nowrap">{eventTime(e.at, now)}</td>
                  <td className={`nowrap severity-${e.severity}`}>
                    <span aria-hidden="true">{severityText[e.severity].icon}</span>{' '}
                    {severityText[e.severity].text}
                  </td>
                  <td className="nowrap">{eventKindLabels[e.kind] ?? e.kind}</td>
                  <td>{e.message}</td>
                  <td className="mono event-data">{dataText(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > ROWS_SHOWN && (
            <p className="muted">
              {shown.length - ROWS_SHOWN} older events not shown: narrow the filters.
            </p>
          )}
        </div>
      )}
    </div>
  )
}
