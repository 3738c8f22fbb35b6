import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client'

// The server and the Remix build each load this module; both must add to the one default registry.
function once<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create()
}

export const httpRequests = once(
  'megilance_http_requests_total',
  () =>
    new Counter({
      name: 'megilance_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
    }),
)

export const httpDuration = once(
  'megilance_http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'megilance_http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to the last byte), by route pattern and method',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
)

export const jobRuns = once(
  'megilance_job_runs_total',
  () =>
    new Counter({
      name: 'megilance_job_runs_total',
      help: 'Scheduled job runs, by job and outcome (ok or failed)',
      labelNames: ['job', 'outcome'],
    }),
)

/** Gauges read when scraped: the database's size on disk and the live event streams open now. */
export function collectGauges(read: { databaseBytes: () => number; openEventStreams: () => number }): void {
  once(
    'megilance_database_bytes',
    () =>
      new Gauge({
        name: 'megilance_database_bytes',
        help: 'Size of the SQLite database file and its WAL, in bytes',
        // Every web worker reads the same file: a cluster's figure is one of theirs, not the sum.
        aggregator: 'max',
        collect() {
          this.set(read.databaseBytes())
        },
      }),
  )
  once(
    'megilance_sse_connections',
    () =>
      new Gauge({
        name: 'megilance_sse_connections',
        help: 'Server-sent event streams (live conversation updates) open now',
        collect() {
          this.set(read.openEventStreams())
        },
      }),
  )
}

export { register as metricsRegistry }
