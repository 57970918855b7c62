/** The Overview's four live charts over one MetricsSource (lines and units are fixed). */
import type { ChartLine, TimeChartSource, XYPoint } from '../../components/time-chart'
import { TimeChart } from '../../components/time-chart'
import { formatMs } from '../../lib/format'
import type { MetricsSource } from './metrics-source'
import type { ChartSeries } from './series-buffer'

type Key = keyof ChartSeries

const connectionLines: readonly ChartLine<Key>[] = [
  { key: 'total', label: 'Total', color: '--series-total' },
  { key: 'active', label: 'Active', color: '--series-active', fill: true },
  { key: 'idle', label: 'Idle', color: '--series-idle' },
  { key: 'waiting', label: 'Waiting', color: '--series-waiting', dash: [3, 3] },
]
const waitLines: readonly ChartLine<Key>[] = [
  { key: 'p50', label: 'p50', color: '--series-idle' },
  { key: 'p95', label: 'p95', color: '--series-active' },
  { key: 'p99', label: 'p99', color: '--series-waiting', dash: [4, 3] },
]
const acquireLines: readonly ChartLine<Key>[] = [
  { key: 'acquiresPerSecond', label: 'Acquires', color: '--series-active' },
]
const timeoutLines: readonly ChartLine<Key>[] = [
  { key: 'timeouts', label: 'Timeouts', color: '--danger' },
]

const ms = (v: number) => formatMs(v)
const perSecond = (v: number) => `${v}/s`

function sourceOf(metrics: MetricsSource): TimeChartSource<Key> {
  return {
    subscribe: metrics.subscribe,
    data: () => metrics.series() as Record<Key, XYPoint[]>,
    xRange: () => metrics.xRange(),
  }
}

const cache = new WeakMap<MetricsSource, TimeChartSource<Key>>()

function chartSource(metrics: MetricsSource): TimeChartSource<Key> {
  let source = cache.get(metrics)
  if (!source) cache.set(metrics, (source = sourceOf(metrics)))
  return source
}

export function OverviewCharts({ metrics }: { metrics: MetricsSource }) {
  const source = chartSource(metrics)
  const seconds = metrics.range === '5m'
  const perSlot = metrics.range === '24h' ? 'per min' : 'per s'
  return (
    <div className="overview-charts">
      <TimeChart
        title="Pool connections"
        unit="connections"
        lines={connectionLines}
        source={source}
        seconds={seconds}
        integer
        testId="chart-connections"
      />
      <TimeChart
        title="Acquire wait, last 10 s"
        unit="ms"
        lines={waitLines}
        source={source}
        formatY={ms}
        seconds={seconds}
        testId="chart-wait"
      />
      <TimeChart
        title="Acquires per second"
        unit="/s"
        lines={acquireLines}
        source={source}
        formatY={perSecond}
        seconds={seconds}
        testId="chart-acquires"
      />
      <TimeChart
        title={`Acquire timeouts (${perSlot})`}
        unit={`timeouts ${perSlot}`}
        lines={timeoutLines}
        source={source}
        seconds={seconds}
        integer
        testId="chart-timeouts"
      />
    </div>
  )
}
