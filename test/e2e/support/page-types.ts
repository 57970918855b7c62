/**
 * The few page objects the e2e tests touch inside `evaluate`, typed by hand: the tests compile
 * with Node's library only (adding the DOM library would let main-process code use DOM globals
 * unnoticed), so functions run in the page reach them as `globalThis as unknown as PageGlobals`
 * (inline: a function handed to `evaluate` is sent as source and sees none of the module's names;
 * only these types, which compile away).
 */
export interface PageElement {
  getAttribute(name: string): string | null
  matches(selector: string): boolean
  readonly tagName: string
  readonly textContent: string | null
}

export interface PageCanvas {
  readonly width: number
  readonly height: number
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
  } | null
  toDataURL(): string
}

export interface PageGlobals {
  document: {
    readonly body: unknown
    readonly activeElement: PageElement | null
    querySelector(selector: string): PageElement | null
  }
  getComputedStyle(element: PageElement): {
    outlineStyle: string
    outlineWidth: string
    boxShadow: string
  }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, unknown>): void
  }
}
