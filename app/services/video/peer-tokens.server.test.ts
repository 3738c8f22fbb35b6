import { describe, expect, it } from 'vitest'
import { newPeerId, PEER_TOKEN_TTL_MS, signPeerToken, verifyPeerToken } from './peer-tokens.server'

const secret = 'a-test-secret-that-is-long-enough-for-hmac'
const now = 1_800_000_000_000

describe('peer tokens', () => {
  const peerId = newPeerId()
  const callId = 'call-1'
  const token = signPeerToken({ secret, peerId, callId, expiresAt: now + PEER_TOKEN_TTL_MS })

  it('makes unguessable ids PeerJS accepts', () => {
    expect(peerId).toMatch(/^p[0-9a-f]{32}$/)
    expect(newPeerId()).not.toBe(peerId)
  })

  it('accepts the token for its peer and call until it expires', () => {
    expect(verifyPeerToken({ secret, peerId, callId, token, now })).toBe(true)
    expect(verifyPeerToken({ secret, peerId, callId, token, now: now + PEER_TOKEN_TTL_MS - 1 })).toBe(true)
    expect(verifyPeerToken({ secret, peerId, callId, token, now: now + PEER_TOKEN_TTL_MS })).toBe(false)
  })

  it('refuses the token for another peer, another call, or under another secret', () => {
    expect(verifyPeerToken({ secret, peerId: newPeerId(), callId, token, now })).toBe(false)
    expect(verifyPeerToken({ secret, peerId, callId: 'call-2', token, now })).toBe(false)
    expect(verifyPeerToken({ secret: `${secret}x`, peerId, callId, token, now })).toBe(false)
  })

  it('refuses a tampered token: a later expiry, a changed signature, or garbage', () => {
    const [, signature] = token.split('.')
    expect(
      verifyPeerToken({ secret, peerId, callId, token: `${now + 10 * PEER_TOKEN_TTL_MS}.${signature}`, now }),
    ).toBe(false)
    const flipped = `${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`
    expect(verifyPeerToken({ secret, peerId, callId, token: `${now + PEER_TOKEN_TTL_MS}.${flipped}`, now })).toBe(false)
    for (const bad of ['', 'x', `${now + PEER_TOKEN_TTL_MS}`, `${now + PEER_TOKEN_TTL_MS}.`, 'abc.def'])
      expect(verifyPeerToken({ secret, peerId, callId, token: bad, now })).toBe(false)
  })
})
