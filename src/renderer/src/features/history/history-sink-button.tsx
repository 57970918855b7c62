/** The header's entry to the history sink: its state in the title, the dialog on click. */
import { useState } from 'react'
import { selectors, useStore } from '../../stores/store'
import { HistorySinkDialog } from './history-sink-dialog'
import { sinkSummary } from './history-sink-model'

export function HistorySinkButton() {
  const [open, setOpen] = useState(false)
  const status = useStore(selectors.cockpit.historySink)
  const sink = useStore(selectors.profiles.byId(status?.profileId ?? ''))
  const on = status?.profileId != null
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => setOpen(true)}
        title={`History sink: ${sinkSummary(status, sink?.name)}`}
        data-testid="history-sink-button"
        data-on={on}
      >
        {on && <span aria-hidden="true">● </span>}
        History…
      </button>
      {open && <HistorySinkDialog onClose={() => setOpen(false)} />}
    </>
  )
}
