import crypto from 'node:crypto'
import fs from 'node:fs'
import type { RequestHandler } from 'express'
import { askPrimary, inCluster, onPrimaryMessage, tellPrimary } from '../app/services/cluster/ipc.server'
import { openEventStreams } from '../app/services/messaging/live.server'
import { collectGauges, httpDuration, httpRequests, metricsRegistry } from '../app/utils/metrics.server'
import { runWithRequestId } from '../app/utils/request-context.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OPAQUE = /^(?=.*\d)[A-Za-z0-9_-]{16,}$/

/**
 * The route pattern a path belongs to, for metric labels: ids become `:id`, so every contract
 * shares one series; paths nothing answers become one label, so strangers cannot add series.
 */
export function routeLabel(path: string, status: number): string {
  if (status === 404 || status === 405) return 'unmatched'
  if (path.startsWith('/build/')) return '/build/*'
  return path
    .split('/')
    .map((segment) => (UUID.test(segment) || OPAQUE.test(segment) || /^\d+$/.test(segment) ? ':id' : segment))
    .join('/')
}

/**
 * Gives each request an id (kept from a proxy's X-Request-Id when it looks like one), sends it back
 * in X-Request-Id, makes it part of every log line written while handling the request, and counts
 * the request and its time by route pattern.
 */
export function observeRequests(): RequestHandler {
  return (req, res, next) => {
    const offered = req.get('x-request-id')
    const requestId = offered && /^[\w.-]{8,64}$/.test(offered) ? offered : crypto.randomUUID()
    ;(req as { id?: string }).id = requestId
    res.setHeader('X-Request-Id', requestId)
    const stop = httpDuration.startTimer()
    res.once('finish', () => {
      const route = routeLabel(req.path, res.statusCode)
      stop({ route, method: req.method })
      httpRequests.inc({ route, method: req.method, status: String(res.statusCode) })
    })
    runWithRequestId(requestId, next, req.method === 'GET' || req.method === 'HEAD', req.ip ?? null)
  }
}

function databaseBytes(databasePath: string): number {
  return ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + fs.statSync(`${databasePath}${suffix}`).size
    } catch {
      return sum
    }
  }, 0)
}

/** In a cluster, this worker's figures go to the primary when it gathers everyone's (server/cluster/metrics.ts). */
function reportMetricsWhenAsked() {
  onPrimaryMessage('metrics-request', (message) => {
    void metricsRegistry
      .getMetricsAsJSON()
      .then((metrics) => tellPrimary({ megilance: 'metrics-report', id: message.id, metrics }))
  })
}

/**
 * GET /metrics in Prometheus text format, for a scraper holding METRICS_TOKEN as a bearer token.
 * Without a configured token there is no such page. With several processes the answer is the
 * whole cluster's (every web worker's requests and streams, the job process's runs), whichever
 * worker the scrape reaches.
 */
export function metricsEndpoint(token: string | undefined, databasePath: string): RequestHandler {
  collectGauges({ databaseBytes: () => databaseBytes(databasePath), openEventStreams })
  const clustered = !!token && inCluster()
  if (clustered) reportMetricsWhenAsked()
  const expected = token ? crypto.createHash('sha256').update(`Bearer ${token}`).digest() : null
  return async (req, res, next) => {
    if (!expected) return next()
    const given = crypto
      .createHash('sha256')
      .update(req.get('authorization') ?? '')
      .digest()
    if (!crypto.timingSafeEqual(given, expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('A metrics token is needed.')
      return
    }
    try {
      const text = clustered
        ? String((await askPrimary({ megilance: 'metrics' })).text)
        : await metricsRegistry.metrics()
      res.set('Content-Type', metricsRegistry.contentType).send(text)
    } catch (error) {
      next(error)
    }
  }
}
