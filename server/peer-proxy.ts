import http from 'node:http'
import net from 'node:net'
import type express from 'express'
import type { Logger } from 'pino'
import { PEER_PATH } from './peer-signalling'

const isPeerPath = (url: string | undefined) => url === PEER_PATH || (url ?? '').startsWith(`${PEER_PATH}/`)

/**
 * With several web workers, the two browsers of a call may be connected to different workers, and
 * a PeerServer only introduces peers it holds itself. So one worker (the lead) runs the PeerServer
 * on a local socket and every worker passes `/peerjs` to it: WebSocket upgrades as raw bytes both
 * ways, plain requests through http.request. The PeerServer's own admission checks apply as before.
 */
export function proxyPeerSignalling(app: express.Express, server: http.Server, socketPath: string, logger: Logger) {
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    if (!isPeerPath(req.url)) {
      socket.destroy()
      return
    }
    const upstream = net.connect(socketPath)
    upstream.once('connect', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`]
      for (let index = 0; index < req.rawHeaders.length; index += 2)
        lines.push(`${req.rawHeaders[index]}: ${req.rawHeaders[index + 1]}`)
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
      if (head.length) upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', (error) => {
      logger.warn({ err: error }, 'peer signalling unreachable')
      socket.destroy()
    })
    socket.on('error', () => upstream.destroy())
    socket.on('close', () => upstream.destroy())
    upstream.on('close', () => socket.destroy())
  })
  app.use(PEER_PATH, (req, res) => {
    const upstream = http.request(
      { socketPath, path: req.originalUrl, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      logger.warn({ err: error }, 'peer signalling unreachable')
      if (!res.headersSent) res.status(502).end()
      else res.destroy()
    })
    req.pipe(upstream)
  })
}
