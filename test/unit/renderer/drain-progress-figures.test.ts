/** The drain progress bar's figures: returned of in use at the start, countdown, phase, words. */
import { describe, expect, it } from 'vitest'
import { drainFigures } from '../../../src/renderer/src/features/control/drain-model'
import type { DrainProgress } from '../../../src/shared/cockpit'

const T = 1_000_000
function drain(overrides: Partial<DrainProgress> = {}): DrainProgress {
  return {
    phase: 'draining',
    startedAt: T,
    deadlineAt: T + 30_000,
    onDeadline: 'cancel',
    inUseAtStart: 8,
    inUse: 6,
    deadlinePassed: false,
    endedAt: null,
    ...overrides,
  }
}

describe('drain figures', () => {
  it('2 of 8 back: 25 %, 6 still in use, 20 s to the deadline', () => {
    expect(drainFigures(drain(), T + 10_000)).toEqual({
      returned: 2,
      inUse: 6,
      inUseAtStart: 8,
      percent: 25,
      remainingMs: 20_000,
      phaseText: 'Draining',
      deadlineText: 'At the deadline their queries are cancelled',
    })
  })

  it('the countdown stops at 0 past the deadline; the words say what happened', () => {
    const f = drainFigures(drain({ deadlinePassed: true, onDeadline: 'terminate' }), T + 45_000)
    expect(f.remainingMs).toBe(0)
    expect(f.deadlineText).toBe('Deadline passed: they are terminated')
  })

  it('without a deadline: no countdown', () => {
    const f = drainFigures(drain({ deadlineAt: null }), T + 5_000)
    expect(f.remainingMs).toBeNull()
    expect(f.deadlineText).toBe('No deadline: waits for every connection')
  })

  it('nothing in use at the start: 100 % at once', () => {
    expect(drainFigures(drain({ inUseAtStart: 0, inUse: 0 }), T).percent).toBe(100)
  })

  it('drained: 100 %, no countdown', () => {
    const f = drainFigures(drain({ phase: 'drained', inUse: 0, endedAt: T + 3_000 }), T + 4_000)
    expect([f.percent, f.remainingMs, f.phaseText]).toEqual([100, null, 'Drained'])
    expect(f.deadlineText).toBe('Ended before the deadline')
  })

  it('resumed with some still in use: the share that came back, phase Resumed', () => {
    const f = drainFigures(drain({ phase: 'resumed', inUse: 2, onDeadline: 'resume' }), T + 4_000)
    expect([f.percent, f.phaseText]).toEqual([75, 'Resumed'])
  })

  it('more in use than at the start (new figures) never goes below 0 %', () => {
    const f = drainFigures(drain({ inUse: 12 }), T)
    expect([f.percent, f.returned]).toEqual([0, 0])
  })
})
