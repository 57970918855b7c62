/**
 * Every watched element shares one IntersectionObserver (lib/visibility-watch.ts): each listener
 * hears its own element's changes only, and the observer goes when the last element is unwatched.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchVisibility } from '../../../src/renderer/src/lib/visibility-watch'

class FakeObserver {
  static made: FakeObserver[] = []
  readonly targets = new Set<Element>()
  disconnected = false
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit | undefined,
  ) {
    FakeObserver.made.push(this)
  }
  observe(target: Element) {
    this.targets.add(target)
  }
  unobserve(target: Element) {
    this.targets.delete(target)
  }
  disconnect() {
    this.disconnected = true
    this.targets.clear()
  }
  /** The browser reports these elements' visibility. */
  report(changes: [Element, boolean][]) {
    const entries = changes.map(([target, isIntersecting]) => ({ target, isIntersecting }))
    this.callback(entries as IntersectionObserverEntry[], this as unknown as IntersectionObserver)
  }
}

const el = () => ({}) as Element

beforeEach(() => {
  FakeObserver.made = []
  vi.stubGlobal('IntersectionObserver', FakeObserver)
})
afterEach(() => vi.unstubAllGlobals())

describe('visibility watch (lib/visibility-watch.ts)', () => {
  it('watches many elements with one observer; each listener hears its own element', () => {
    const elements = [el(), el(), el()]
    const heard = elements.map(() => [] as boolean[])
    const stops = elements.map((e, i) => watchVisibility(e, '600px 0px', (v) => heard[i]!.push(v)))
    expect(FakeObserver.made).toHaveLength(1)
    const observer = FakeObserver.made[0]!
    expect(observer.options?.rootMargin).toBe('600px 0px')
    expect(observer.targets.size).toBe(3)
    observer.report([
      [elements[0]!, true],
      [elements[2]!, true],
      [elements[0]!, false],
    ])
    expect(heard).toEqual([[true, false], [], [true]])
    for (const stop of stops) stop()
  })

  it('lets the observer go with the last element, and makes a new one when needed again', () => {
    const a = el()
    const b = el()
    const stopA = watchVisibility(a, '0px', () => undefined)
    const stopB = watchVisibility(b, '0px', () => undefined)
    const first = FakeObserver.made[0]!
    stopA()
    expect(first.targets.has(a)).toBe(false)
    expect(first.disconnected).toBe(false)
    stopB()
    expect(first.disconnected).toBe(true)
    const stopC = watchVisibility(el(), '0px', () => undefined)
    expect(FakeObserver.made).toHaveLength(2)
    stopC()
  })
})
