import { describe, expect, it } from 'vitest'
import { isLifeguardError } from '../../../src/main/engine/core/errors'
import {
  formatValue,
  isValidLabelName,
  isValidMetricName,
  renderFamilies,
  type MetricFamily,
} from '../../../src/main/engine/metrics/prometheus-encoding'
import { prometheusText } from '../../../src/main/engine/metrics/prometheus-text'
import { parseExposition } from './support/prom-parse'
import { disconnectedProfile, profileWithPool } from './support/prometheus-inputs'

function validationError(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (isLifeguardError(error) && error.code === 'validation') return error.message
    throw error
  }
  throw new Error('did not throw')
}

const gauge = (name: string, value = 1, labels: MetricFamily['samples'][number]['labels'] = []) =>
  ({ name, help: 'h', type: 'gauge', samples: [{ labels, value }] }) as MetricFamily

describe('prometheus text: format rules', () => {
  it('formats NaN, +Inf and -Inf as the format spells them, and they parse back', () => {
    expect([NaN, Infinity, -Infinity, 0.25, 1e-7, -0, 2 ** 53].map(formatValue)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '0.25',
      '1e-7',
      '0',
      '9007199254740992',
    ])
    const text = renderFamilies([
      {
        name: 'x',
        help: 'h',
        type: 'gauge',
        samples: [NaN, Infinity, -Infinity, 1.5e21].map((value, i) => ({
          labels: [['i', String(i)]],
          value,
        })),
      },
    ])
    const values = parseExposition(text)
      .get('x')!
      .samples.map((s) => s.raw)
    expect(values).toEqual(['NaN', '+Inf', '-Inf', '1.5e+21'])
  })

  it('accepts only [a-zA-Z_:][a-zA-Z0-9_:]* metric names', () => {
    for (const name of ['a', '_x', 'a:b_c9', 'lifeguard_pool_active_connections']) {
      expect(isValidMetricName(name), name).toBe(true)
    }
    for (const name of ['', '9a', 'a-b', 'a b', 'a.b', 'é', 'a{b}']) {
      expect(isValidMetricName(name), name).toBe(false)
      expect(validationError(() => renderFamilies([gauge(name)]))).toContain('invalid metric name')
    }
  })

  it('accepts only [a-zA-Z_][a-zA-Z0-9_]* label names, not reserved __ ones, each once', () => {
    expect(['profile', '_a', 'le2'].every(isValidLabelName)).toBe(true)
    for (const name of ['__name__', '9a', 'a:b', 'a-b', '']) {
      expect(isValidLabelName(name), name).toBe(false)
      expect(validationError(() => renderFamilies([gauge('x', 1, [[name, 'v']])]))).toContain(
        'label name',
      )
    }
    expect(
      validationError(() =>
        renderFamilies([
          gauge('x', 1, [
            ['a', '1'],
            ['a', '2'],
          ]),
        ]),
      ),
    ).toContain('twice')
  })

  it('refuses two families of one name, a histogram suffix clash and duplicate series', () => {
    expect(validationError(() => renderFamilies([gauge('x'), gauge('x')]))).toContain(
      'two families',
    )
    const histogram: MetricFamily = {
      name: 'x',
      help: 'h',
      type: 'histogram',
      samples: [{ labels: [], buckets: [{ le: 1, count: 1 }], sum: 1, count: 1 }],
    }
    expect(validationError(() => renderFamilies([gauge('x_count'), histogram]))).toContain(
      'two families',
    )
    expect(validationError(() => renderFamilies([histogram, gauge('x_bucket')]))).toContain(
      'two families',
    )
    const twice: MetricFamily = {
      name: 'y',
      help: 'h',
      type: 'gauge',
      samples: [
        { labels: [['a', '1']], value: 1 },
        { labels: [['a', '1']], value: 2 },
      ],
    }
    expect(validationError(() => renderFamilies([twice]))).toContain('duplicate series')
    const p = disconnectedProfile('same', 'one')
    expect(validationError(() => prometheusText([p, { ...p, name: 'two' }]))).toContain(
      'given twice',
    )
  })

  it('refuses histogram buckets that are not cumulative or not ascending', () => {
    const h = (buckets: Array<{ le: number; count: number }>, count: number): MetricFamily => ({
      name: 'h',
      help: 'h',
      type: 'histogram',
      samples: [{ labels: [], buckets, sum: 0, count }],
    })
    expect(() =>
      renderFamilies([
        h(
          [
            { le: 1, count: 1 },
            { le: 2, count: 3 },
          ],
          3,
        ),
      ]),
    ).not.toThrow()
    expect(
      validationError(() =>
        renderFamilies([
          h(
            [
              { le: 1, count: 2 },
              { le: 2, count: 1 },
            ],
            3,
          ),
        ]),
      ),
    ).toContain('cumulative')
    expect(
      validationError(() =>
        renderFamilies([
          h(
            [
              { le: 2, count: 1 },
              { le: 1, count: 2 },
            ],
            3,
          ),
        ]),
      ),
    ).toContain('ascending')
    expect(validationError(() => renderFamilies([h([{ le: Infinity, count: 1 }], 1)]))).toContain(
      'ascending',
    )
    expect(validationError(() => renderFamilies([h([{ le: 1, count: 5 }], 4)]))).toContain('_count')
  })

  it('ends every line with a line feed, and leaves out families with no sample', () => {
    const text = prometheusText([profileWithPool('a', 'a', 1)])
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toContain('\r')
    expect(text).not.toMatch(/\n\n/)
    const down = prometheusText([disconnectedProfile('d', 'd')])
    expect(down).not.toContain('lifeguard_pool_')
    expect(down).toContain(
      '# TYPE lifeguard_health_up gauge\nlifeguard_health_up{profile="d",profile_id="d"} 0\n',
    )
    expect(prometheusText([])).toBe('')
  })
})
