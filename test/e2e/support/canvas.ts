/**
 * What a canvas shows, read back from the page: sparklines and charts are drawn outside the DOM,
 * so the test reads their pixels (how many are painted, and a fingerprint to see them change).
 */
import type { Locator } from '@playwright/test'
import type { PageCanvas } from './page-types'

/** Painted (non-transparent) pixels of a canvas: 0 for an empty one. */
export function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as unknown as PageCanvas
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
    let n = 0
    if (data) for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++
    return n
  })
}

/** The canvas's picture as a data URL: two different ones mean it was redrawn differently. */
export function canvasPicture(canvas: Locator): Promise<string> {
  return canvas.evaluate((element) => (element as unknown as PageCanvas).toDataURL())
}
