import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { pino } from 'pino'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { findAttendance } from '../app/models/calls.server'
import { blockAccount } from '../app/services/accounts/accounts.server'
import { admitToCall, requireCallAccess, startOrJoinCall } from '../app/services/video/calls.server'
import { createFixedContract } from '../app/test/fixed-contract'
import { server as msw } from '../app/test/msw-server'
import { mountPeerSignalling, PEER_PATH, REMOVED_CLOSE_CODE } from './peer-signalling'

// Raw HTTP against a real server; MSW's interception of node:http is off in this file.
beforeAll(() => msw.close())

let server: http.Server | undefined
afterEach(() => server?.close())

async function signalling(): Promise<string> {
  const app = express()
  app.disable('x-powered-by') // as server/app.ts does
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
    expect(own.headers.get('x-powered-by')).toBeNull()
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

/** Opens a WebSocket to the PeerServer and reports its first message, or the HTTP status that refused it. */
function connectPeer(base: string, query: string): Promise<{ status: number; first?: { type: string } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/peerjs?${query}`)
    socket.on('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 })
      socket.terminate()
    })
    socket.on('message', (data) => {
      resolve({ status: 101, first: JSON.parse(String(data)) as { type: string } })
      socket.close()
    })
    socket.on('error', reject)
  })
}

describe('PeerJS signalling over WebSocket', () => {
  it('registers only the peer id it checked: a repeated id or token in the query is refused', async () => {
    const base = await signalling()
    const { client, freelancer, contract } = await createFixedContract()
    const call = await startOrJoinCall(client, { contractId: contract.id })
    const attacker = await admitToCall(client, await requireCallAccess(client, call.id))
    const victim = await admitToCall(freelancer, await requireCallAccess(freelancer, call.id))
    if (!attacker.ok || !victim.ok) throw new Error('not admitted')

    // The check read the first id and token, the package registered the last id: the attacker could
    // take the id another participant was admitted with, before they connected.
    const polluted = `key=peerjs&id=${attacker.peerId}&token=${attacker.token}&id=${victim.peerId}&token=made-up`
    expect((await connectPeer(base, polluted)).status).toBe(401)
    const pollutedToken = `key=peerjs&id=${attacker.peerId}&token=${attacker.token}&token=made-up`
    expect((await connectPeer(base, pollutedToken)).status).toBe(401)

    expect(await connectPeer(base, `key=peerjs&id=${victim.peerId}&token=${victim.token}`)).toEqual({
      status: 101,
      first: { type: 'OPEN' },
    })
    expect((await connectPeer(base, `key=peerjs&id=${victim.peerId}&token=made-up`)).status).toBe(401)
  })
})

describe('PeerJS signalling messages', () => {
  it('closes a socket that sends a message far larger than any offer, answer or candidate', async () => {
    const base = await signalling()
    const { client, contract } = await createFixedContract()
    const call = await startOrJoinCall(client, { contractId: contract.id })
    const admitted = await admitToCall(client, await requireCallAccess(client, call.id))
    if (!admitted.ok) throw new Error('not admitted')
    const socket = new WebSocket(
      `${base.replace(/^http/, 'ws')}/peerjs?key=peerjs&id=${admitted.peerId}&token=${admitted.token}`,
    )
    await new Promise((resolve) => socket.once('message', resolve))
    const closed = new Promise<number>((resolve) => {
      socket.once('close', resolve)
      setTimeout(() => resolve(-1), 5_000)
    })
    // Up to 100 MB a message was read, parsed and queued for any id for 5 s (ws's default limit).
    const huge = { type: 'OFFER', dst: `p${'0'.repeat(32)}`, payload: { sdp: 'x'.repeat(1024 * 1024) } }
    socket.send(JSON.stringify(huge))
    expect(await closed).toBe(1009)
  })
})

describe('PeerJS signalling and blocked accounts', () => {
  it("an admin's block closes the person's open signalling at once and refuses the admission they still hold", async () => {
    const base = await signalling()
    const { client, freelancer, contract } = await createFixedContract()
    const call = await startOrJoinCall(client, { contractId: contract.id })
    const access = await requireCallAccess(freelancer, call.id)
    const inCall = await admitToCall(freelancer, access)
    const other = await admitToCall(client, await requireCallAccess(client, call.id))
    if (!inCall.ok || !other.ok) throw new Error('not admitted')
    const socket = new WebSocket(
      `${base.replace(/^http/, 'ws')}/peerjs?key=peerjs&id=${inCall.peerId}&token=${inCall.token}`,
    )
    await new Promise((resolve) => socket.once('message', resolve))
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))
    // A second tab admitted a moment ago, not connected yet: its token is still fresh.
    const pending = await admitToCall(freelancer, access)
    if (!pending.ok) throw new Error('not admitted')

    expect(await blockAccount(freelancer.id, 'Scam reports')).toBe(true)
    // Before: the socket stayed open until the person left the call.
    expect(await closed).toBe(REMOVED_CLOSE_CODE)
    expect((await findAttendance(inCall.peerId))?.leftAt).toBeInstanceOf(Date)
    expect((await connectPeer(base, `key=peerjs&id=${pending.peerId}&token=${pending.token}`)).status).toBe(401)
    // The other side is still in the call.
    expect(await connectPeer(base, `key=peerjs&id=${other.peerId}&token=${other.token}`)).toEqual({
      status: 101,
      first: { type: 'OPEN' },
    })
  })
})
