/**
 * "Import…": pick a source, read it, look at the preview, pick rows, confirm. Nothing is created
 * until "Import N profiles" is pressed; the dialog closes when main has created them (the cards
 * appear through profiles:changed).
 */
import { useId } from 'react'
import { useTransport } from '../../api/transport-context'
import { ModalDialog } from '../../components/modal-dialog'
import { selectors, useStore } from '../../stores/store'
import { ImportView } from './import-view'
import { useImport } from './use-import'

export function ImportDialog() {
  const close = useStore((s) => s.closeImport)
  const profiles = useStore(selectors.profiles.profiles)
  const transport = useTransport()
  const { state, controller } = useImport(close)
  const id = useId()
  return (
    <ModalDialog
      className="modal-wide modal-import"
      labelledBy={`${id}-title`}
      onCancel={() => {
        if (state.phase !== 'confirming') close()
      }}
    >
      <ImportView
        id={id}
        state={state}
        profiles={profiles}
        transportKind={transport.kind}
        controller={controller}
        onClose={close}
      />
    </ModalDialog>
  )
}
