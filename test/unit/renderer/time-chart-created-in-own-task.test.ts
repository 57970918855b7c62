// @vitest-environment happy-dom
/**
 * A TimeChart creates its Chart.js chart in a task of its own (lib/task-queue.ts), not in the
 * mount's effect: four charts mounted together are created one per task, and a chart unmounted
 * before its turn is never created. Chart.js is replaced by a recorder (happy-dom draws nothing).
 */
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const made = vi.hoisted(() => ({ charts: [] as { destroyed: boolean }[] }))

vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data: { datasets: unknown[] }
    options = { scales: { x: { ticks: {} }, y: { ticks: {}, grid: {}, title: {} } } }
    destroyed = false
    constructor(_canvas: unknown, config: { data: { datasets: unknown[] } }) {
      this.data = config.data
      made.charts.push(this)
    }
    update() {}
    destroy() {
      this.destroyed = true
    }
  }
  const plugin = {}
  return {
    Chart,
    Filler: plugin,
    LineController: plugin,
    LineElement: plugin,
    LinearScale: plugin,
    PointElement: plugin,
    Tooltip: plugin,
  }
})

const { TimeChart } = await import('../../../src/renderer/src/components/time-chart')

const source = {
  subscribe: () => () => undefined,
  data: () => ({ a: [] }),
  xRange: () => ({ min: 0, max: 1 }),
}
const lines = [{ key: 'a' as const, label: 'A', color: '--series-active' }]

beforeEach(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  made.charts = []
  vi.useFakeTimers()
  vi.stubGlobal('matchMedia', () => ({
    matches: false,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

function mount(count: number) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const charts = Array.from({ length: count }, (_, i) =>
    createElement(TimeChart<'a'>, { key: i, title: `c${i}`, unit: 'u', lines, source }),
  )
  act(() => root.render(createElement('div', null, charts)))
  return { root, container }
}

describe('TimeChart creation (components/time-chart.tsx)', () => {
  it('creates no chart in the mount itself, then one chart per task', () => {
    const { root } = mount(4)
    expect(made.charts).toHaveLength(0)
    for (let task = 1; task <= 4; task++) {
      vi.advanceTimersToNextTimer()
      expect(made.charts).toHaveLength(task)
    }
    act(() => root.unmount())
    expect(made.charts.every((c) => c.destroyed)).toBe(true)
  })

  it('a chart unmounted before its turn is never created', () => {
    const { root } = mount(2)
    act(() => root.unmount())
    vi.runAllTimers()
    expect(made.charts).toHaveLength(0)
  })
})
