/** Metrics history and snapshot exports (issue 8 items 2 and 5). */
export { MetricsHistory, MINUTE_SLOTS, SECOND_SLOTS } from './metrics-history'
export {
  historyRanges,
  rangeSpecs,
  type HistoryRange,
  type MetricsPoint,
  type MetricsSampleInput,
  type MetricsSeries,
} from './metrics-sample'
export { PROMETHEUS_CONTENT_TYPE } from './prometheus-encoding'
export {
  prometheusBucketBoundsMs,
  prometheusHealthFromStatus,
  prometheusText,
  type PrometheusHealthInput,
  type PrometheusPoolInput,
  type PrometheusProfileInput,
} from './prometheus-text'
export { metricsCsv, type CsvSeriesInput } from './csv-export'
export {
  buildMetricsSnapshot,
  metricsSnapshotJson,
  METRICS_SNAPSHOT_FORMAT,
  METRICS_SNAPSHOT_VERSION,
  type JsonSnapshotInput,
  type JsonSnapshotProfileInput,
  type MetricsSnapshot,
} from './json-snapshot'
export { metricsExportFileName, type MetricsExportFormat } from './export-file-name'
