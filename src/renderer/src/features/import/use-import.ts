/** The import dialog's controller, created once per open dialog; React follows its state. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import { useTransport } from '../../api/transport-context'
import { createImportController, type ImportController } from './import-controller'
import type { ImportState } from './import-model'

export function useImport(onImported: (created: readonly ProfileSummary[]) => void): {
  state: ImportState
  controller: ImportController
} {
  const transport = useTransport()
  const [controller] = useState(() =>
    createImportController({ api: transport.api, transportKind: transport.kind, onImported }),
  )
  const state = useSyncExternalStore(controller.subscribe, controller.getState)
  useEffect(() => () => controller.dispose(), [controller])
  return { state, controller }
}
