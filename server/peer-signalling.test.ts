import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { pino } from 'pino'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { server as msw } from '../app/test/msw-server'
import { mountPeerSignalling, PEER_PATH } from './peer-signalling'

// Raw HTTP against a real server; MSW's interception of node:http is off in this file.
beforeAll(() => msw.close())

let server: http.Server | undefined
afterEach(() => server?.close())

async function signalling(): Promise<string> {
  const app = express()
  server = http.createServer(app)
  mountPeerSignalling(app, server, pino({ level: 'silent' }))
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server!.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${PEER_PATH}`
}

describe('PeerJS signalling over HTTP', () => {
  it('answers our own pages, and lets no other site read its answers', async () => {
    const base = await signalling()
    const own = await fetch(`${base}/peerjs/id`)
    expect(own.status).toBe(200)
    const foreign = await fetch(`${base}/peerjs/id`, { headers: { origin: 'https://evil.example' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(`${base}/peerjs/id`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull()
  })
})
