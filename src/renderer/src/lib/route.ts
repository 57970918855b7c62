/**
 * The renderer's routes, as a hash: `#/` is the fleet dashboard, `#/profile/<id>/<tab>` a
 * profile's view. Parsing and formatting are pure so they can be tested without a browser; a
 * route the app does not know parses as 'not-found' (shown with a way back).
 */
export const profileTabs = [
  'overview',
  'health',
  'alerts',
  'sessions',
  'queue',
  'events',
  'settings',
] as const
export type ProfileTab = (typeof profileTabs)[number]

export const profileTabLabels: Record<ProfileTab, string> = {
  overview: 'Overview',
  health: 'Health',
  alerts: 'Alerts',
  sessions: 'Sessions',
  queue: 'Queue',
  events: 'Events',
  settings: 'Settings',
}

export type Route =
  | { view: 'dashboard' }
  | { view: 'profile'; id: string; tab: ProfileTab }
  | { view: 'not-found'; path: string }

export const dashboardRoute: Route = { view: 'dashboard' }

/** A profile id as main makes them (the contract's profileIdSchema). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isProfileTab(value: string): value is ProfileTab {
  return (profileTabs as readonly string[]).includes(value)
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

/** `#/profile/abc/events` -> { view: 'profile', id: 'abc', tab: 'events' }. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return dashboardRoute
  const parts = path.replace(/^\//, '').replace(/\/$/, '').split('/')
  if (parts[0] === 'profile' && (parts.length === 2 || parts.length === 3)) {
    const id = decode(parts[1] ?? '')
    const tab = parts[2] ?? 'overview'
    if (id !== null && ID_PATTERN.test(id) && isProfileTab(tab)) return { view: 'profile', id, tab }
  }
  return { view: 'not-found', path }
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'dashboard':
      return '#/'
    case 'profile':
      return `#/profile/${encodeURIComponent(route.id)}/${route.tab}`
    case 'not-found':
      return `#${route.path.startsWith('/') ? '' : '/'}${route.path}`
  }
}

export function profileRoute(id: string, tab: ProfileTab = 'overview'): Route {
  return { view: 'profile', id, tab }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b)
}
