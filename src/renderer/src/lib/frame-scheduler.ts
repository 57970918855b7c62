/**
 * Coalesces drawing into animation frames: many charts and sparklines asking to redraw in the
 * same task are drawn once each, together, in the next frame (and a hidden tab draws nothing).
 */
export interface FrameSource {
  request(callback: () => void): unknown
  cancel(handle: unknown): void
}

export const browserFrames: FrameSource = {
  request: (callback) => window.requestAnimationFrame(callback),
  cancel: (handle) => window.cancelAnimationFrame(handle as number),
}

export class FrameScheduler {
  readonly #pending = new Map<object, () => void>()
  #handle: unknown

  constructor(private readonly frames: FrameSource) {}

  /** Draws `draw` in the next frame; asking again for the same key before then draws once. */
  schedule(key: object, draw: () => void): void {
    this.#pending.set(key, draw)
    if (this.#handle !== undefined) return
    this.#handle = this.frames.request(() => this.#flush())
  }

  /** Forgets a pending draw (the component is gone). */
  cancel(key: object): void {
    this.#pending.delete(key)
  }

  get pending(): number {
    return this.#pending.size
  }

  #flush(): void {
    this.#handle = undefined
    const draws = [...this.#pending.values()]
    this.#pending.clear()
    for (const draw of draws) {
      try {
        draw()
      } catch (error) {
        console.error('Lifeguard: a drawing failed', error)
      }
    }
  }
}

let shared: FrameScheduler | undefined

/** The page's one scheduler (created on first use, so tests that never draw need no window). */
export function frameScheduler(): FrameScheduler {
  shared ??= new FrameScheduler(
    typeof window !== 'undefined' && typeof window.requestAnimationFrame === 'function'
      ? browserFrames
      : { request: (cb) => setTimeout(cb, 16), cancel: (h) => clearTimeout(h as number) },
  )
  return shared
}
