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

type Signal = { type: string; src?: string; dst?: string; payload?: unknown }
type Person = { id: string; name: string }

const links = new Set<WebSocket>()
afterEach(() => {
  for (const link of links) link.terminate()
  links.clear()
})

/** A browser's signalling link, past its OPEN: what it sends, and each message it receives in turn. */
async function openPeer(base: string, admission: { peerId: string; token: string }) {
  const socket = new WebSocket(
    `${base.replace(/^http/, 'ws')}/peerjs?key=peerjs&id=${admission.peerId}&token=${admission.token}`,
  )
  links.add(socket)
  const received: Signal[] = []
  const waiting: ((signal: Signal) => void)[] = []
  socket.on('message', (data) => {
    const signal = JSON.parse(String(data)) as Signal
    const waiter = waiting.shift()
    if (waiter) waiter(signal)
    else received.push(signal)
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const next = () =>
    new Promise<Signal>((resolve) => {
      const signal = received.shift()
      if (signal) resolve(signal)
      else waiting.push(resolve)
    })
  expect(await next()).toEqual({ type: 'OPEN' })
  return {
    next,
    send: (type: string, dst: unknown) => socket.send(JSON.stringify({ type, dst, payload: { sdp: 'v=0' } })),
    sendRaw: (text: string) => socket.send(text),
  }
}

/** A contract's ongoing call and a way to admit each side to it. */
async function contractCall() {
  const { client, freelancer, contract } = await createFixedContract()
  const call = await startOrJoinCall(client, { contractId: contract.id })
  const admit = async (person: Person) => {
    const admitted = await admitToCall(person, await requireCallAccess(person, call.id))
    if (!admitted.ok) throw new Error(admitted.message)
    return admitted
  }
  return { client, freelancer, admit }
}

const RELAYED_TYPES = ['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE', 'EXPIRE']

describe('PeerJS signalling stays inside each call', () => {
  it('relays between peers of one call, and nothing to a peer of another call', async () => {
    const base = await signalling()
    const callA = await contractCall()
    const callB = await contractCall()
    const [a1, a2] = [await callA.admit(callA.client), await callA.admit(callA.freelancer)]
    const [b1, b2] = [await callB.admit(callB.client), await callB.admit(callB.freelancer)]
    const [inA1, inA2, inB1, inB2] = await Promise.all([a1, a2, b1, b2].map((peer) => openPeer(base, peer)))

    // Someone in call A who learnt a peer id of call B: before, each of these reached it.
    for (const type of RELAYED_TYPES) inA1!.send(type, b1.peerId)
    // Nor to an id nobody was admitted with, nor anything unreadable; what follows still passes.
    inA1!.send('OFFER', 'pmadeup')
    inA1!.send('OFFER', { id: b1.peerId })
    inA1!.sendRaw('not json')
    // Within the call: relayed. Its arrival also shows the server handled all A1 sent before it.
    inA1!.send('OFFER', a2.peerId)
    expect(await inA2!.next()).toMatchObject({ type: 'OFFER', src: a1.peerId, dst: a2.peerId })
    inB2!.send('OFFER', b1.peerId)
    expect(await inB1!.next()).toMatchObject({ type: 'OFFER', src: b2.peerId, dst: b1.peerId })
  })

  it('keeps a message for a peer of the same call until it connects, and none for a peer of another call', async () => {
    const base = await signalling()
    const callA = await contractCall()
    const callB = await contractCall()
    const a1 = await callA.admit(callA.client)
    const inA1 = await openPeer(base, a1)
    const a2 = await callA.admit(callA.freelancer)
    const inA2 = await openPeer(base, a2)
    // The client's second place (another tab), and B1: admitted, not connected yet.
    const a3 = await callA.admit(callA.client)
    const b1 = await callB.admit(callB.client)
    const b2 = await callB.admit(callB.freelancer)
    const inB2 = await openPeer(base, b2)

    inA1.send('OFFER', b1.peerId)
    inA1.send('OFFER', a3.peerId)
    inA1.send('OFFER', a2.peerId)
    expect(await inA2.next()).toMatchObject({ type: 'OFFER', src: a1.peerId })

    const inA3 = await openPeer(base, a3)
    expect(await inA3.next()).toMatchObject({ type: 'OFFER', src: a1.peerId, dst: a3.peerId })
    const inB1 = await openPeer(base, b1)
    inB2.send('OFFER', b1.peerId)
    expect(await inB1.next()).toMatchObject({ type: 'OFFER', src: b2.peerId, dst: b1.peerId })
  })
})
