/**
 * The Queue tab's pure parts: parameters as the DBA types them (a JSON array of text, numbers,
 * true / false, null; anything else refused with a sentence saying which one), the depth bar's
 * figures with the 80 % mark, and what a submit's answer says.
 */
import { describe, expect, it } from 'vitest'
import {
  depthFigures,
  paramsText,
  parseParams,
  submitDoneText,
} from '../../../src/renderer/src/features/queue/queue-model'

describe('queue tab model', () => {
  it('reads parameters as a JSON array of scalars', () => {
    expect(parseParams('')).toEqual({ ok: true, params: [] })
    expect(parseParams('   ')).toEqual({ ok: true, params: [] })
    expect(parseParams('[42, "a", true, null, -1.5]')).toEqual({
      ok: true,
      params: [42, 'a', true, null, -1.5],
    })
    expect(parseParams('42')).toMatchObject({ ok: false, message: /JSON array/ })
    expect(parseParams('[1,')).toMatchObject({ ok: false, message: /JSON array/ })
    expect(parseParams('[1, [2]]')).toMatchObject({ ok: false, message: /Parameter \$2 / })
    expect(parseParams('[{"a": 1}]')).toMatchObject({ ok: false, message: /Parameter \$1 / })
    expect(parseParams(JSON.stringify(Array(1001).fill(0)))).toMatchObject({
      ok: false,
      message: /At most 1000/,
    })
    expect(paramsText([1, 'x', null])).toBe('[1,"x",null]')
    expect(paramsText([])).toBe('')
    expect(parseParams(paramsText([1, 'x', null]))).toEqual({ ok: true, params: [1, 'x', null] })
  })

  it('gives the depth bar its share, the alert mark, and never "0 %" for a non-empty queue', () => {
    expect(depthFigures({ depth: 0, maxQueueSize: 1000 })).toEqual({
      percent: 0,
      filling: false,
      text: '0 of 1000 (0 %)',
    })
    expect(depthFigures({ depth: 3, maxQueueSize: 1000 })).toEqual({
      percent: 0,
      filling: false,
      text: '3 of 1000 (<1 %)',
    })
    expect(depthFigures({ depth: 800, maxQueueSize: 1000 }).filling).toBe(false)
    expect(depthFigures({ depth: 801, maxQueueSize: 1000 })).toEqual({
      percent: 80,
      filling: true,
      text: '801 of 1000 (80 %)',
    })
    expect(depthFigures({ depth: 1000, maxQueueSize: 1000 }).percent).toBe(100)
  })

  it('says what happened to a submitted write', () => {
    expect(submitDoneText({ outcome: 'applied', rowCount: 1 })).toBe('Applied: 1 row.')
    expect(submitDoneText({ outcome: 'applied', rowCount: 3 })).toBe('Applied: 3 rows.')
    expect(submitDoneText({ outcome: 'applied', rowCount: null })).toBe('Applied.')
    expect(submitDoneText({ outcome: 'queued', operationId: 'abc', position: 2 })).toMatch(
      /^Queued at position 2 \(operation abc\); it is on disk/,
    )
  })
})
