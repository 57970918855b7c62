/**
 * Live pool chart for one profile: total / active / idle / waiting over the last two minutes.
 * The Chart is created once; samples bypass React: a transient store subscription mutates
 * chart.data and calls update('none') (animation off, parsing off, no points).
 */
import {
  Chart,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartDataset,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import type { PoolStats, PoolStatsSample } from '../../../shared/domain'
import { selectors, useStore } from '../stores/store'

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler)

const WINDOW_SECONDS = 120

type Point = { x: number; y: number }
type SeriesKey = keyof Pick<PoolStats, 'total' | 'active' | 'idle' | 'waiting'>

const series: { key: SeriesKey; label: string; fill: boolean; dash?: number[] }[] = [
  { key: 'total', label: 'Total', fill: false },
  { key: 'active', label: 'Active', fill: true },
  { key: 'idle', label: 'Idle', fill: false },
  { key: 'waiting', label: 'Waiting', fill: false, dash: [3, 3] },
]

function palette(element: Element) {
  const style = getComputedStyle(element)
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888888'
  return {
    total: read('--series-total'),
    active: read('--series-active'),
    idle: read('--series-idle'),
    waiting: read('--series-waiting'),
    fill: read('--series-active-fill'),
    grid: read('--chart-grid'),
    text: read('--fg-muted'),
  }
}

/** Seconds relative to the newest sample (0 = now, -120 = two minutes ago). */
function toPoints(samples: PoolStatsSample[], key: SeriesKey): Point[] {
  const newest = samples.at(-1)?.at ?? 0
  const points: Point[] = []
  for (const s of samples) {
    const x = (s.at - newest) / 1000
    if (x >= -WINDOW_SECONDS) points.push({ x, y: s.stats[key] })
  }
  return points
}

function createChart(canvas: HTMLCanvasElement): Chart<'line', Point[]> {
  const datasets: ChartDataset<'line', Point[]>[] = series.map((s) => ({
    label: s.label,
    data: [],
    borderWidth: 1.5,
    borderDash: s.dash ?? [],
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: s.fill ? 'origin' : false,
    stepped: 'before',
  }))
  return new Chart<'line', Point[]>(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 4, right: 2 } },
      scales: {
        x: {
          type: 'linear',
          min: -WINDOW_SECONDS,
          max: 0,
          ticks: {
            stepSize: 30,
            font: { size: 10 },
            callback: (value) => (value === 0 ? 'now' : `${-Number(value)}s`),
          },
          grid: { display: false },
          border: { display: false },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          ticks: { precision: 0, maxTicksLimit: 4, font: { size: 10 } },
          border: { display: false },
        },
      },
    },
  })
}

function applyPalette(chart: Chart<'line', Point[]>, canvas: HTMLCanvasElement): void {
  const colors = palette(canvas)
  chart.data.datasets.forEach((dataset, i) => {
    const key = series[i]?.key ?? 'total'
    dataset.borderColor = colors[key]
    dataset.backgroundColor = key === 'active' ? colors.fill : colors[key]
  })
  const { x, y } = chart.options.scales ?? {}
  if (x?.ticks) x.ticks.color = colors.text
  if (y?.ticks) y.ticks.color = colors.text
  if (y?.grid) y.grid.color = colors.grid
}

export function PoolChart({ profileId, profileName }: { profileId: string; profileName: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const chart = createChart(canvas)
    applyPalette(chart, canvas)

    const redraw = () => {
      const ring = selectors.statuses.history(profileId)(useStore.getState())
      const samples = ring?.toArray() ?? []
      chart.data.datasets.forEach((dataset, i) => {
        dataset.data = toPoints(samples, series[i]?.key ?? 'total')
      })
      const y = chart.options.scales?.['y']
      if (y) y.suggestedMax = Math.max(1, ring?.latest()?.stats.max ?? 1)
      chart.update('none')
    }
    redraw()

    const lastSampleAt = selectors.statuses.lastSampleAt(profileId)
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (lastSampleAt(state) !== lastSampleAt(previous)) redraw()
    })
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const onScheme = () => {
      applyPalette(chart, canvas)
      chart.update('none')
    }
    scheme.addEventListener('change', onScheme)
    return () => {
      scheme.removeEventListener('change', onScheme)
      unsubscribe()
      chart.destroy()
    }
  }, [profileId])

  return (
    <figure className="chart" aria-label={`Pool connections of ${profileName}, last 2 minutes`}>
      <div className="chart-canvas">
        <canvas ref={canvasRef} aria-hidden="true" />
      </div>
      <figcaption className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key} className={`legend-item legend-${s.key}`}>
            <span className="legend-swatch" />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
