/** Drawing requests of one task are drawn once each in the next frame; a cancelled one never. */
import { describe, expect, it } from 'vitest'
import { FrameScheduler, type FrameSource } from '../../../src/renderer/src/lib/frame-scheduler'

function frames() {
  const queued: (() => void)[] = []
  const source: FrameSource = {
    request: (cb) => queued.push(cb),
    cancel: () => undefined,
  }
  return {
    source,
    requested: () => queued.length,
    run: () => queued.splice(0).forEach((cb) => cb()),
  }
}

describe('frame scheduler', () => {
  it('many requests for one key: one frame, one draw (the latest)', () => {
    const f = frames()
    const scheduler = new FrameScheduler(f.source)
    const key = {}
    const drawn: number[] = []
    for (let i = 0; i < 5; i++) scheduler.schedule(key, () => drawn.push(i))
    expect(f.requested()).toBe(1)
    f.run()
    expect(drawn).toEqual([4])
  })

  it('two keys share the frame and draw once each', () => {
    const f = frames()
    const scheduler = new FrameScheduler(f.source)
    const drawn: string[] = []
    scheduler.schedule({}, () => drawn.push('a'))
    scheduler.schedule({}, () => drawn.push('b'))
    expect(f.requested()).toBe(1)
    f.run()
    expect(drawn).toEqual(['a', 'b'])
  })

  it('a cancelled key is not drawn; a failing draw does not stop the others', () => {
    const f = frames()
    const scheduler = new FrameScheduler(f.source)
    const gone = {}
    const drawn: string[] = []
    scheduler.schedule(gone, () => drawn.push('gone'))
    scheduler.schedule({}, () => {
      throw new Error('boom')
    })
    scheduler.schedule({}, () => drawn.push('ok'))
    scheduler.cancel(gone)
    const error = console.error
    console.error = () => undefined
    try {
      f.run()
    } finally {
      console.error = error
    }
    expect(drawn).toEqual(['ok'])
    expect(scheduler.pending).toBe(0)
  })
})
