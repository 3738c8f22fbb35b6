import crypto from 'node:crypto'
import type http from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { pinoHttp } from 'pino-http'
import type { Env } from '../app/utils/env.server'
import type { Logger } from 'pino'
import { limitRequestBodies } from './body-limits'
import { compressAnswers } from './compression'
import { menuFrameFinder } from './menu-frame'
import { metricsEndpoint, observeRequests } from './observability'
import { allowOnlyPageMethods } from './method-check'
import { rejectCrossOriginWrites } from './origin-check'
import { applyProxyTrust } from './proxy-trust'
import { mountPeerSignalling } from './peer-signalling'
import { proxyPeerSignalling } from './peer-proxy'
import { createRateLimits } from './rate-limits'
import { keepSignedInAnswersPrivate } from './private-answers'
import { securityHeaders } from './security-headers'
import { takeTurns } from './take-turns'

type Locals = { cspNonce: string }

/**
 * The Express app around the Remix build: headers, limits, static files, logging, and the PeerJS
 * signalling on `server` (the HTTP server the app will answer on), or passed on to the one worker
 * that runs it (`peerSocket`, when there are several web workers).
 */
export function createApp({
  build,
  env,
  logger,
  server,
  peerSocket,
}: {
  build: ServerBuild
  env: Env
  logger: Logger
  server: http.Server
  peerSocket?: string
}) {
  const app = express()
  app.disable('x-powered-by')
  applyProxyTrust(app, env.TRUST_PROXY)

  app.use(observeRequests())
  app.use((_req, res, next) => {
    ;(res.locals as Locals).cspNonce = crypto.randomBytes(16).toString('base64')
    next()
  })
  app.use(securityHeaders(env))
  app.use(compressAnswers())
  app.use(
    pinoHttp({
      logger,
      // Health checks and static files would drown the log.
      autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/build/') },
      // observeRequests() gave the request its id; the access line carries it like every other line.
      genReqId: (req) => (req as { id?: string }).id ?? '',
      customProps: (req) => ({ reqId: req.id }),
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )

  app.get('/metrics', metricsEndpoint(env.METRICS_TOKEN, env.DATABASE_PATH))

  // Hashed build assets never change: cache them for a year. Other public files for an hour.
  app.use('/build', express.static(path.resolve('public/build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.resolve('public'), { maxAge: '1h' }))

  // Before the limits and checks meant for pages: signalling is GETs and WebSocket upgrades.
  if (peerSocket) proxyPeerSignalling(app, server, peerSocket, logger)
  else mountPeerSignalling(app, server, logger)

  app.use(limitRequestBodies())
  app.use(
    createRateLimits({ perMinute: env.RATE_LIMIT_PER_MINUTE, authPer15Minutes: env.AUTH_RATE_LIMIT_PER_15_MINUTES }),
  )
  app.use(allowOnlyPageMethods())
  app.use(rejectCrossOriginWrites())
  app.use(keepSignedInAnswersPrivate())
  // Last before Remix: a request that has started (and waits for its hash, say) goes on before new ones.
  app.use(takeTurns())

  const menuFrameOf = menuFrameFinder(build)
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: (res.locals as Locals).cspNonce,
        clientIp: req.ip ?? null,
        requestId: String(req.id),
        menuFrame: menuFrameOf(req.originalUrl),
      }),
    }),
  )
  // Remix logs its own errors (handleError); one thrown by a middleware would otherwise leave only
  // Express's bare 500 page and no log line. The request id ties it to the access log.
  app.use((error: unknown, req: express.Request, _res: express.Response, next: express.NextFunction) => {
    logger.error({ err: error, reqId: String(req.id), url: req.originalUrl }, 'request failed outside Remix')
    next(error)
  })
  return app
}
