/**
 * The app's keyboard shortcuts as data (the "?" dialog lists them) and the decision which one a
 * key press means: Ctrl+K / Cmd+K anywhere; the single-key ones only outside text fields.
 */
export type ShortcutAction = 'palette' | 'shortcuts' | 'filter' | 'dashboard' | 'export'

export interface Shortcut {
  keys: string
  what: string
}

export const shortcutList: readonly Shortcut[] = [
  { keys: 'Ctrl+K / ⌘K', what: 'Command palette: go to a profile, connect, drain, export…' },
  { keys: '?', what: 'This list of shortcuts' },
  { keys: '/', what: 'Filter the fleet dashboard' },
  { keys: 'g then d', what: 'Go to the fleet dashboard' },
  { keys: 'e', what: 'Export metrics…' },
  { keys: '← →, Home, End', what: 'Move between a profile’s tabs (on the tab list)' },
  { keys: 'Esc', what: 'Close a dialog' },
]

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** The event's target is a text field, a select or an editable element. */
  inField: boolean
}

/** `previous` is the key pressed just before (for "g then d"). */
export function shortcutFor(press: KeyPress, previous: string | null): ShortcutAction | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k')
    return 'palette'
  if (press.ctrlKey || press.metaKey || press.altKey || press.inField) return null
  if (press.key === '?') return 'shortcuts'
  if (press.key === '/') return 'filter'
  if (press.key === 'e') return 'export'
  if (press.key === 'd' && previous === 'g') return 'dashboard'
  return null
}

export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target instanceof HTMLElement && target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type)
}
