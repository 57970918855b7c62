/**
 * A native modal <dialog>: the browser traps focus, Escape cancels, and the page behind it is
 * inert. The store decides whether it is open; this component only mirrors that.
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
    if (dialog && !dialog.open) dialog.showModal()
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
