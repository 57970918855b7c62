/**
 * A live line chart over wall time, for the Overview: created once, fed outside React's render
 * cycle (a source's subscription mutates chart.data and calls update('none') in the next
 * animation frame), animation and parsing off, no points; the source hands over lines already
 * reduced to what the width can show (min / max per bucket).
 * Lines break where the source puts a null (gaps). Axes carry their unit.
 */
import {
  Chart,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import { clockTime } from '../lib/countdown'
import { frameScheduler } from '../lib/frame-scheduler'
import { taskQueue } from '../lib/task-queue'
import { timeTicks } from '../lib/time-ticks'

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip)

export interface XYPoint {
  x: number
  y: number | null
}

export interface ChartLine<K extends string> {
  key: K
  label: string
  /** A CSS custom property holding the colour (themes change it). */
  color: string
  dash?: number[]
  fill?: boolean
  stepped?: boolean
}

export interface TimeChartSource<K extends string> {
  subscribe(listener: () => void): () => void
  data(): Record<K, XYPoint[]>
  xRange(): { min: number; max: number }
}

interface TimeChartProps<K extends string> {
  title: string
  /** The y axis's unit, shown as its title ("connections", "ms", "/s"). */
  unit: string
  lines: readonly ChartLine<K>[]
  source: TimeChartSource<K>
  /** Tick labels on the y axis. */
  formatY?: (value: number) => string
  /** Shows seconds on the time axis (short ranges). */
  seconds?: boolean
  /** Whole numbers only on the y axis (counts). */
  integer?: boolean
  testId?: string
}

type Dataset = ChartDataset<'line', { x: number; y: number | null }[]>

function colors(element: Element, lines: readonly { color: string }[]) {
  const style = getComputedStyle(element)
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888888'
  return {
    lines: lines.map((l) => read(l.color)),
    grid: read('--chart-grid'),
    text: read('--fg-muted'),
    fill: read('--series-active-fill'),
  }
}

/** Creates the chart on the canvas and follows its source; returns the teardown. */
function createChart<K extends string>(
  canvas: HTMLCanvasElement,
  props: Omit<TimeChartProps<K>, 'title' | 'testId'>,
): () => void {
  const { unit, lines, source, formatY, seconds = false, integer = false } = props
  const datasets: Dataset[] = lines.map((line) => ({
    label: line.label,
    data: [],
    borderWidth: 1.5,
    borderDash: line.dash ?? [],
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: line.fill ? 'origin' : false,
    stepped: line.stepped ? 'before' : false,
    spanGaps: false,
  }))
  const chart = new Chart<'line', { x: number; y: number | null }[]>(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 4, right: 8 } },
      plugins: {
        tooltip: { enabled: false },
      },
      scales: {
        x: {
          type: 'linear',
          // Round clock times (lib/time-ticks.ts) instead of even slices of the range.
          afterBuildTicks: (axis) => {
            axis.ticks = timeTicks(axis.min, axis.max).map((value) => ({ value }))
          },
          ticks: {
            maxTicksLimit: 7,
            maxRotation: 0,
            font: { size: 10 },
            callback: (v) => {
              const text = clockTime(Number(v))
              return seconds ? text : text.slice(0, 5)
            },
          },
          grid: { display: false },
          border: { display: false },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          title: { display: true, text: unit, font: { size: 11 } },
          ticks: {
            maxTicksLimit: 5,
            font: { size: 10 },
            ...(integer ? { precision: 0 } : {}),
            callback: (v) => (formatY ? formatY(Number(v)) : String(v)),
          },
          border: { display: false },
        },
      },
    },
  })
  const paint = () => {
    const c = colors(canvas, lines)
    chart.data.datasets.forEach((dataset, i) => {
      dataset.borderColor = c.lines[i]
      dataset.backgroundColor = lines[i]?.fill ? c.fill : c.lines[i]
    })
    const { x, y } = chart.options.scales ?? {}
    if (x?.ticks) x.ticks.color = c.text
    if (y?.ticks) y.ticks.color = c.text
    if (y?.grid) y.grid.color = c.grid
    if (y && 'title' in y && y.title) y.title.color = c.text
  }
  paint()
  const redraw = () => {
    const data = source.data()
    chart.data.datasets.forEach((dataset, i) => {
      const key = lines[i]?.key
      dataset.data = key ? data[key] : []
    })
    const range = source.xRange()
    const x = chart.options.scales?.['x']
    if (x) {
      x.min = range.min
      x.max = range.max
    }
    chart.update('none')
  }
  const scheduler = frameScheduler()
  const key = {}
  const schedule = () => scheduler.schedule(key, redraw)
  // The first data in the next frame: the chart's construction (its own layout and empty draw)
  // and the first draw with data are two pieces of work of a few tens of ms each.
  schedule()
  const unsubscribe = source.subscribe(schedule)
  const scheme = window.matchMedia('(prefers-color-scheme: dark)')
  const onScheme = () => {
    paint()
    schedule()
  }
  scheme.addEventListener('change', onScheme)
  return () => {
    scheme.removeEventListener('change', onScheme)
    unsubscribe()
    scheduler.cancel(key)
    chart.destroy()
  }
}

export function TimeChart<K extends string>(props: TimeChartProps<K>) {
  const { title, unit, lines, source, formatY, seconds = false, integer = false, testId } = props
  const canvasRef = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    // Created in a task of its own (lib/task-queue.ts): four charts at once were one long task.
    let stop: (() => void) | undefined
    const job = {}
    taskQueue().enqueue(job, () => {
      stop = createChart(canvas, { unit, lines, source, formatY, seconds, integer })
    })
    return () => {
      taskQueue().cancel(job)
      stop?.()
    }
  }, [lines, source, unit, formatY, seconds, integer])

  return (
    <figure className="time-chart" data-testid={testId} aria-label={`${title} (${unit})`}>
      <figcaption className="time-chart-head">
        <span className="time-chart-title">{title}</span>
        <span className="chart-legend" aria-hidden="true">
          {lines.map((l) => (
            <span key={l.key} className="legend-item">
              <span
                className={`legend-swatch${l.dash ? ' legend-dashed' : ''}`}
                style={{ borderColor: `var(${l.color})` }}
              />
              {l.label}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="time-chart-canvas">
        <canvas ref={canvasRef} aria-hidden="true" />
      </div>
    </figure>
  )
}
