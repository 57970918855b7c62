/**
 * One IntersectionObserver for every element the page watches for being on (or near) the screen.
 * 200 dashboard cards with an observer each made Chromium compute 200 observers' intersections on
 * every frame (about 2 % of the main thread while idle); one observer with 200 targets costs a
 * fraction of that. The observer is made on first use and let go when nothing is watched.
 */
export type VisibilityListener = (visible: boolean) => void

interface Watch {
  observer: IntersectionObserver
  listeners: Map<Element, VisibilityListener>
}

const watches = new Map<string, Watch>()

/** Calls `listener` with each change of `element`'s visibility (within `rootMargin`). */
export function watchVisibility(
  element: Element,
  rootMargin: string,
  listener: VisibilityListener,
): () => void {
  let watch = watches.get(rootMargin)
  if (!watch) {
    const listeners = new Map<Element, VisibilityListener>()
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting)
      },
      { rootMargin },
    )
    watch = { observer, listeners }
    watches.set(rootMargin, watch)
  }
  const { observer, listeners } = watch
  listeners.set(element, listener)
  observer.observe(element)
  return () => {
    if (listeners.get(element) !== listener) return
    listeners.delete(element)
    observer.unobserve(element)
    if (listeners.size === 0) {
      observer.disconnect()
      if (watches.get(rootMargin)?.observer === observer) watches.delete(rootMargin)
    }
  }
}
