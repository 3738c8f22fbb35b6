import cluster from 'node:cluster'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import type { Logger } from 'pino'
import { forgetPeersOfStoppedServer } from '../app/services/video/calls.server'
import type { Env } from '../app/utils/env.server'
import { createApp } from './app'
import { keepConnectionsOpen } from './keep-alive'
import { listenOrExit } from './listen'
import { mountPeerSignalling } from './peer-signalling'
import { cacheRouteMatching } from './route-match-cache'
import { cacheRouteTrees } from './route-tree-cache'
import { shareRequestWithLoaders } from './loader-request'

/**
 * One process serving requests: the only one, or one of several web workers (server/cluster/).
 * It never runs the scheduled jobs (the job process does: server/jobs.ts). `lead` says it runs the
 * PeerServer; `peerSocket` (several workers only) is where the lead's PeerServer listens for the
 * other workers to reach it.
 */
export async function startWorker({
  env,
  logger,
  lead,
  peerSocket,
}: {
  env: Env
  logger: Logger
  lead: boolean
  peerSocket?: string
}) {
  cacheRouteMatching()
  cacheRouteTrees()
  shareRequestWithLoaders()
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  // Nobody is connected to the PeerServer this process is about to start.
  if (lead) await forgetPeersOfStoppedServer()
  const server = http.createServer()
  keepConnectionsOpen(server)
  server.on('request', createApp({ build, env, logger, server, peerSocket }))
  const peerServer = lead && peerSocket ? startPeerServer(peerSocket, logger) : undefined
  listenOrExit(server, env.PORT, logger)
  // A worker whose primary has already gone cannot tell it anything more; it exits on the
  // disconnect (Node's cluster does that) rather than crash on the failed write.
  cluster.worker?.on('error', (error) => logger.warn({ err: error }, 'the primary process is gone'))

  // Finish in-flight requests, then exit; a second signal or 10 s forces it.
  function shutdown(signal: string) {
    logger.info({ signal }, 'shutting down')
    peerServer?.close()
    server.close(() => {
      // The build opened the database; close it so the WAL is checkpointed.
      ;(globalThis as { megilanceDb?: { $client: { close(): void } } }).megilanceDb?.$client.close()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

/** The PeerServer alone on a local socket, which every worker's `/peerjs` leads to (server/peer-proxy.ts). */
function startPeerServer(socketPath: string, logger: Logger): http.Server {
  fs.rmSync(socketPath, { force: true })
  const app = express()
  app.disable('x-powered-by')
  const server = http.createServer(app)
  mountPeerSignalling(app, server, logger)
  server.listen(socketPath)
  return server
}
