/**
 * The retry timeline as a chart: x = wall time of each attempt, y = the delay before it, scheduled
 * (dashed) against actual (solid); each attempt's marker says its outcome by colour AND shape.
 * Created once; the store is followed through a transient subscription (convention 9). Points
 * are drawn here (there are at most a couple of hundred), unlike the pool chart's lines.
 */
import {
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartDataset,
  type PointStyle,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import { clockTime } from '../../lib/countdown'
import { selectors, useStore, type LifeguardState } from '../../stores/store'
import { retrySeries, timeRange, type DelayPoint, type Marker } from './retry-series'

Chart.register(LineController, LineElement, PointElement, LinearScale)

function palette(element: Element) {
  const style = getComputedStyle(element)
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888888'
  return {
    scheduled: read('--fg-muted'),
    actual: read('--series-active'),
    ok: read('--ok'),
    danger: read('--danger'),
    surface: read('--surface'),
    grid: read('--chart-grid'),
    text: read('--fg-muted'),
    title: read('--fg'),
  }
}

type Palette = ReturnType<typeof palette>

const markerStyle: Record<Marker, { style: PointStyle; radius: number; filled: boolean }> = {
  success: { style: 'circle', radius: 5, filled: true },
  failure: { style: 'crossRot', radius: 6, filled: false },
  'probe-failure': { style: 'triangle', radius: 5, filled: true },
}

const AXIS_FONT = { size: 11 }
const TITLE_FONT = { size: 12, weight: 'bold' as const }

function createChart(canvas: HTMLCanvasElement): Chart<'line', DelayPoint[]> {
  const datasets: ChartDataset<'line', DelayPoint[]>[] = [
    {
      label: 'Scheduled delay',
      data: [],
      borderWidth: 1.5,
      borderDash: [5, 4],
      // A short level tick at the planned delay, so it does not hide the outcome marker.
      pointRadius: 6,
      pointStyle: 'line',
      pointBorderWidth: 2,
    },
    { label: 'Actual delay', data: [], borderWidth: 1.5, pointBorderWidth: 3 },
    {
      label: 'Next attempt',
      data: [],
      showLine: false,
      pointRadius: 6,
      pointStyle: 'rectRot',
      pointBorderWidth: 2,
    },
  ]
  return new Chart<'line', DelayPoint[]>(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 8, right: 12, left: 2 } },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: 'Attempt started (local time)', font: TITLE_FONT },
          ticks: { font: AXIS_FONT, maxRotation: 0, callback: (v) => clockTime(Number(v)) },
          grid: { display: true },
          border: { display: false },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          title: { display: true, text: 'Delay before attempt (s)', font: TITLE_FONT },
          ticks: { font: AXIS_FONT, maxTicksLimit: 6, callback: (v) => `${Number(v)} s` },
          border: { display: false },
        },
      },
    },
  })
}

function applyPalette(chart: Chart<'line', DelayPoint[]>, colors: Palette): void {
  const [scheduled, actual, next] = chart.data.datasets
  if (scheduled) {
    scheduled.borderColor = colors.scheduled
    scheduled.pointBorderColor = colors.scheduled
    scheduled.pointBackgroundColor = colors.surface
  }
  if (actual) actual.borderColor = colors.actual
  if (next) {
    next.borderColor = colors.actual
    next.pointBorderColor = colors.actual
    next.pointBackgroundColor = colors.surface
  }
  for (const axis of ['x', 'y'] as const) {
    const scale = chart.options.scales?.[axis]
    if (!scale) continue
    if (scale.ticks) scale.ticks.color = colors.text
    if (scale.grid) scale.grid.color = colors.grid
    if (scale.title) scale.title.color = colors.title
  }
}

function draw(chart: Chart<'line', DelayPoint[]>, state: LifeguardState, profileId: string) {
  const colors = palette(chart.canvas)
  applyPalette(chart, colors)
  const attempts = selectors.health.attempts(profileId)(state)
  const nextAt = selectors.statuses.status(profileId)(state)?.health?.nextAttemptAt ?? null
  const series = retrySeries(attempts, nextAt)
  const [scheduled, actual, next] = chart.data.datasets
  if (!scheduled || !actual || !next) return
  scheduled.data = series.scheduled
  actual.data = series.actual
  next.data = series.next
  const styles = series.markers.map((m) => markerStyle[m])
  const colorOf = (m: Marker) => (m === 'success' ? colors.ok : colors.danger)
  actual.pointStyle = styles.map((s) => s.style)
  actual.pointRadius = styles.map((s) => s.radius)
  actual.pointBorderColor = series.markers.map(colorOf)
  actual.pointBackgroundColor = series.markers.map((m, i) =>
    styles[i]?.filled ? colorOf(m) : colors.surface,
  )
  const all = [...series.actual, ...series.next]
  const range = timeRange(all, Date.now())
  const x = chart.options.scales?.['x']
  if (x) {
    x.min = range.min
    x.max = range.max
    if (x.ticks) (x.ticks as { stepSize?: number }).stepSize = range.step
  }
  const y = chart.options.scales?.['y']
  if (y) y.suggestedMax = Math.max(2, ...all.map((p) => p.y * 1.15))
  chart.update('none')
}

export function RetryChart({ profileId, profileName }: { profileId: string; profileName: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const chart = createChart(canvas)
    const redraw = () => draw(chart, useStore.getState(), profileId)
    redraw()
    const attempts = selectors.health.attempts(profileId)
    const nextAt = (s: LifeguardState) => s.statuses[profileId]?.health?.nextAttemptAt
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (attempts(state) !== attempts(previous) || nextAt(state) !== nextAt(previous)) redraw()
    })
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    scheme.addEventListener('change', redraw)
    return () => {
      scheme.removeEventListener('change', redraw)
      unsubscribe()
      chart.destroy()
    }
  }, [profileId])

  return (
    <figure
      className="retry-chart"
      data-testid="retry-chart"
      aria-label={`Retry timeline of ${profileName}: delay before each attempt over time`}
    >
      <div className="retry-chart-canvas">
        <canvas ref={canvasRef} aria-hidden="true" />
      </div>
      <figcaption className="chart-legend retry-legend" aria-hidden="true">
        <span className="legend-item legend-scheduled">
          <span className="legend-swatch" />
          Scheduled delay (backoff)
        </span>
        <span className="legend-item legend-actual">
          <span className="legend-swatch" />
          Actual delay
        </span>
        <span className="legend-item marker-success">
          <span className="legend-marker">●</span>
          Success
        </span>
        <span className="legend-item marker-failure">
          <span className="legend-marker">✕</span>
          Failed attempt
        </span>
        <span className="legend-item marker-probe">
          <span className="legend-marker">▲</span>
          Failed probe
        </span>
        <span className="legend-item marker-next">
          <span className="legend-marker">◇</span>
          Next attempt
        </span>
      </figcaption>
    </figure>
  )
}
