/**
 * A native modal <dialog>: the browser traps focus, Escape cancels, and the page behind it is
 * inert. The store decides whether it is open; this component only mirrors that. Focus starts on
 * the first focusable element, or on the one marked `data-autofocus`.
 */
import { useEffect, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  labelledBy: string
  describedBy?: string
  role?: 'dialog' | 'alertdialog'
  className?: string
  onCancel(): void
  children: ReactNode
}

export function ModalDialog({
  labelledBy,
  describedBy,
  role,
  className,
  onCancel,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) {
      dialog.showModal()
      // showModal() focuses the dialog's first focusable element; React's autoFocus ran earlier,
      // while the dialog was still closed (hidden), so it had no effect. data-autofocus names
      // the element to start on when it is not the first one.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      {children}
    </dialog>
  )
}
