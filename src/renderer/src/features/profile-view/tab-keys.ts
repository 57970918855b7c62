/**
 * The WAI-ARIA tabs pattern's keyboard logic (automatic activation): Left / Right move to the
 * previous / next tab and wrap around, Home / End go to the first / last. Other keys: null.
 */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current)
  if (i < 0 || tabs.length === 0) return null
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % tabs.length] ?? null
    case 'ArrowLeft':
      return tabs[(i - 1 + tabs.length) % tabs.length] ?? null
    case 'Home':
      return tabs[0] ?? null
    case 'End':
      return tabs[tabs.length - 1] ?? null
    default:
      return null
  }
}

export const tabId = (profileId: string, tab: string) => `tab-${profileId}-${tab}`
export const panelId = (profileId: string, tab: string) => `panel-${profileId}-${tab}`
