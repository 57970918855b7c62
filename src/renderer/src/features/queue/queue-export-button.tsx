/**
 * Export the queue's operations (queued and moved aside) as one JSON file: a download in browser
 * mode (the metrics export's download helper), the save dialog in main on the desktop.
 */
import { useState } from 'react'
import { useApi } from '../../api/transport-context'
import { Spinner } from '../../components/spinner'
import { selectors, useStore } from '../../stores/store'
import { download } from '../export/export-model'

export function QueueExportButton({ profileId }: { profileId: string }) {
  const api = useApi()
  const shell = useStore(selectors.app.shell)
  const showToast = useStore((s) => s.showToast)
  const [pending, setPending] = useState(false)
  const run = async () => {
    setPending(true)
    try {
      if (shell === 'desktop') {
        const result = await api.saveQueue({ id: profileId, which: 'all' })
        if (!result.ok) return showToast('error', `Export failed: ${result.error.message}`)
        showToast(
          result.data.saved ? 'ok' : 'info',
          result.data.saved
            ? `Saved ${result.data.fileName}`
            : 'Export cancelled: nothing was saved',
        )
        return
      }
      const result = await api.exportQueue({ id: profileId, which: 'all' })
      if (!result.ok) return showToast('error', `Export failed: ${result.error.message}`)
      showToast('ok', `Downloaded ${download(result.data, 'json')}`)
    } finally {
      setPending(false)
    }
  }
  return (
    <button
      type="button"
      className="btn"
      onClick={() => void run()}
      disabled={pending}
      aria-busy={pending}
      data-testid="queue-export"
      title="The queued and moved-aside operations as a JSON file"
    >
      {pending && <Spinner />}
      Export
    </button>
  )
}
