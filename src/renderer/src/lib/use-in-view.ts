/**
 * Whether an element is on (or near) the screen, so a card far down a 200-card dashboard keeps
 * no live subscriptions and draws nothing. Without IntersectionObserver everything counts as
 * visible. All elements share one observer (visibility-watch.ts), and a change is rendered as a
 * transition: scrolling brings several cards into view at once, and mounting their live parts in
 * one go was a long task; as a transition React renders them in slices between frames.
 */
import { startTransition, useEffect, useState, type RefObject } from 'react'
import { watchVisibility } from './visibility-watch'

const MARGIN = '600px 0px'

export function useInView(ref: RefObject<Element | null>): boolean {
  const supported = typeof IntersectionObserver === 'function'
  const [visible, setVisible] = useState(!supported)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof IntersectionObserver !== 'function') return
    return watchVisibility(element, MARGIN, (next) => startTransition(() => setVisible(next)))
  }, [ref])
  return visible
}
