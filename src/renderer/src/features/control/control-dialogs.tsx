/** The drain and shutdown dialogs, whichever the store says is open. */
import { selectors, useStore } from '../../stores/store'
import { DrainDialog } from './drain-dialog'
import { ShutdownDialog } from './shutdown-dialog'

export function ControlDialogs() {
  const drain = useStore(selectors.ui.drainTargetId)
  const shutdown = useStore(selectors.ui.shutdownTargetId)
  return (
    <>
      {drain !== null && <DrainDialog profileId={drain} />}
      {shutdown !== null && <ShutdownDialog profileId={shutdown} />}
    </>
  )
}
