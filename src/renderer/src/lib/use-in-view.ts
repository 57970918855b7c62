/**
 * Whether an element is on (or near) the screen, so a card far down a 200-card dashboard keeps
 * no live subscriptions and draws nothing. Without IntersectionObserver everything counts as
 * visible.
 */
import { useEffect, useState, type RefObject } from 'react'

const MARGIN = '600px 0px'

export function useInView(ref: RefObject<Element | null>): boolean {
  const supported = typeof IntersectionObserver === 'function'
  const [visible, setVisible] = useState(!supported)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof IntersectionObserver !== 'function') return
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1]
        if (entry) setVisible(entry.isIntersecting)
      },
      { rootMargin: MARGIN },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return visible
}
