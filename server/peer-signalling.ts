import type http from 'node:http'
import { createRequire } from 'node:module'
import type express from 'express'
import type { ExpressPeerServer as ExpressPeerServerType, IClient } from 'peer'
import type { Logger } from 'pino'
import type { ServerOptions as WebSocketServerOptions, WebSocketServer as WebSocketServerType } from 'ws'
import { onPeersRemoved } from '../app/services/video/call-removals.server'
import { admittedCallOf, callOfPeer, recordPeerJoined, recordPeerLeft } from '../app/services/video/calls.server'
import { keepSignalsInCall } from './peer-call-scope'

// peer 1.0's ES module imports a `WebSocketServer` export that ws 7 (the ws installed) lacks, and
// its CommonJS build constructs one unless given a factory: both load as CommonJS, with ws 7's
// `Server` passed in (below).
const require = createRequire(import.meta.url)
const { ExpressPeerServer } = require('peer') as { ExpressPeerServer: typeof ExpressPeerServerType }
const { Server: WebSocketServer } = require('ws') as { Server: typeof WebSocketServerType }

/**
 * The largest signalling message a browser may send: offers and answers (SDP) are a few KB, ICE
 * candidates a few hundred bytes. ws would read up to 100 MB, which the package parses and queues
 * for any id, connected or not, for 5 seconds. A larger one closes the socket (1009).
 */
const MAX_SIGNAL_BYTES = 64 * 1024

/** The close code a removed peer's socket gets (policy violation): its account was blocked. */
export const REMOVED_CLOSE_CODE = 1008

/** Where browsers reach the PeerServer: its WebSocket is `${PEER_PATH}/peerjs?key=peerjs&id=…&token=…`. */
export const PEER_PATH = '/peerjs'

/**
 * PeerJS signalling on our own server and port. The `peer` package trusts whatever id and token a
 * client makes up (it has no auth hook), so every WebSocket upgrade is checked before the package
 * sees it: the id must be one the app admitted to a call (and not yet left), the token signed for
 * that id and call and unexpired. Anything else is answered 401 and never gets a socket. What a
 * socket sends is relayed only to peers admitted to the same call (server/peer-call-scope.ts). The
 * connects and disconnects the package sees are the call's attendance. A peer the app takes out
 * of its calls (a blocked account) has its socket closed at once.
 */
export function mountPeerSignalling(app: express.Express, server: http.Server, logger: Logger) {
  // The call each upgrade was admitted to, from the check to the socket it becomes.
  const admittedCalls = new WeakMap<http.IncomingMessage, string>()
  const createWebSocketServer = (options: WebSocketServerOptions) => {
    const socketServer = new WebSocketServer({
      ...options,
      maxPayload: MAX_SIGNAL_BYTES,
      verifyClient: (info, done) => {
        const query = new URL(info.req.url ?? '', 'http://peer').searchParams
        // The package reads the query's last id and token, `get` the first: with either repeated,
        // the id checked would not be the id registered (someone else's, in their call).
        if (['key', 'id', 'token'].some((name) => query.getAll(name).length !== 1)) {
          done(false, 401, 'Not admitted to this call')
          return
        }
        admittedCallOf({ peerId: query.get('id') ?? '', token: query.get('token') ?? '' }).then(
          (callId) => {
            if (callId) admittedCalls.set(info.req, callId)
            done(callId !== null, 401, 'Not admitted to this call')
          },
          (error: unknown) => {
            logger.error({ err: error }, 'checking a peer connection failed')
            done(false, 500)
          },
        )
      },
    })
    // Registered before the package's own listener: the check is in place before the first message.
    socketServer.on('connection', (socket, req) => {
      const callId = admittedCalls.get(req)
      if (!callId) return socket.close(REMOVED_CLOSE_CODE, 'Not admitted to this call')
      keepSignalsInCall(socket, {
        callId,
        callOfPeer,
        dropped: ({ type, reason }) => logger.debug({ callId, type, reason }, 'signalling message dropped'),
        failed: (error) => logger.error({ err: error }, 'checking a signalling message failed'),
      })
    })
    return socketServer
  }
  const peerServer = ExpressPeerServer(server, {
    path: '/',
    allow_discovery: false,
    // The package answers every origin's CORS request by default; only our own pages talk to it.
    corsOptions: { origin: false },
    createWebSocketServer,
  })
  // The package's own Express app would name itself in every answer, as the app's own pages do not.
  peerServer.disable('x-powered-by')
  const connected = new Map<string, IClient>()
  peerServer.on('connection', (client) => {
    connected.set(client.getId(), client)
    recordPeerJoined(client.getId()).catch((error: unknown) => logger.error({ err: error }, 'recording a join failed'))
  })
  peerServer.on('disconnect', (client) => {
    if (connected.get(client.getId()) === client) connected.delete(client.getId())
    recordPeerLeft(client.getId()).catch((error: unknown) => logger.error({ err: error }, 'recording a leave failed'))
  })
  const stopRemovals = onPeersRemoved((peerIds) => {
    for (const peerId of peerIds) connected.get(peerId)?.getSocket()?.close(REMOVED_CLOSE_CODE, 'Removed from the call')
  })
  server.once('close', stopRemovals)
  peerServer.on('error', (error) => logger.warn({ err: error }, 'peer signalling error'))
  // Mounting is what attaches the WebSocket server to `server`.
  app.use(PEER_PATH, peerServer)
}
