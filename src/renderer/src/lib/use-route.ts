/**
 * The current route from `location.hash`, and navigation that pushes a history entry (so the
 * browser's back and forward buttons move between the dashboard and profile views).
 */
import { useSyncExternalStore } from 'react'
import { formatRoute, parseRoute, type Route } from './route'

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

const currentHash = () => window.location.hash
const serverHash = () => ''

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash, serverHash))
}

export function currentRoute(): Route {
  return parseRoute(window.location.hash)
}

export function navigate(route: Route): void {
  const hash = formatRoute(route)
  if (window.location.hash !== hash) window.location.hash = hash
}
