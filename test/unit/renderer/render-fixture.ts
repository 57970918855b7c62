/**
 * Renders components to static HTML in Node (react-dom/server: no DOM, no effects), with a ticker
 * frozen at a given time and a fake transport, and reads the result by data-testid.
 */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { TransportContext } from '../../../src/renderer/src/api/transport-context'
import { SecondTicker } from '../../../src/renderer/src/lib/second-ticker'
import { TickerContext } from '../../../src/renderer/src/lib/use-second-tick'
import { fakeTransport } from './event-bridge-fixture'

export function frozenTicker(now: number): SecondTicker {
  return new SecondTicker({ now: () => now, setTimeout: () => 0, clearTimeout: () => undefined })
}

export function render(element: ReactNode, now = 0): string {
  const { transport } = fakeTransport('connected')
  return renderToStaticMarkup(
    createElement(
      TransportContext.Provider,
      { value: transport },
      createElement(TickerContext.Provider, { value: frozenTicker(now) }, element),
    ),
  )
}

/** The markup of the first element carrying data-testid="id" (its whole subtree), or undefined. */
export function byTestId(html: string, id: string): string | undefined {
  return all(html, id)[0]
}

/** Every element carrying data-testid="id", in document order. */
export function all(html: string, id: string): string[] {
  const found: string[] = []
  const marker = `data-testid="${id}"`
  let from = 0
  for (;;) {
    const at = html.indexOf(marker, from)
    if (at < 0) return found
    const start = html.lastIndexOf('<', at)
    const tag = /^<([a-zA-Z0-9]+)/.exec(html.slice(start))?.[1] ?? ''
    found.push(html.slice(start, closingEnd(html, start, tag)))
    from = at + marker.length
  }
}

function closingEnd(html: string, start: number, tag: string): number {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*?(/?)>`, 'g')
  pattern.lastIndex = start
  let depth = 0
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m[1]) depth--
    else if (!m[2]) depth++
    if (depth === 0) return m.index + m[0].length
  }
  return html.length
}

/** Visible text: tags and React's text separators removed, entities decoded, spaces collapsed. */
export function text(html: string | undefined): string {
  return (html ?? '')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
