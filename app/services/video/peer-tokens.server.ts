import crypto from 'node:crypto'
import { MINUTE_MS } from '~/domain/durations'

/** How long a browser has to connect to the PeerServer with what it was admitted with. */
export const PEER_TOKEN_TTL_MS = 2 * MINUTE_MS

/** An unguessable peer id: 128 random bits, in the characters PeerJS allows in an id. */
export function newPeerId(): string {
  return `p${crypto.randomBytes(16).toString('hex')}`
}

function mac(secret: string, peerId: string, callId: string, expiresAt: number): string {
  return crypto.createHmac('sha256', secret).update(`peer\n${peerId}\n${callId}\n${expiresAt}`).digest('base64url')
}

/** `expiry.mac`: the PeerServer can check it knowing only the secret and the call the id was admitted to. */
export function signPeerToken(input: { secret: string; peerId: string; callId: string; expiresAt: number }): string {
  return `${input.expiresAt}.${mac(input.secret, input.peerId, input.callId, input.expiresAt)}`
}

/** Whether the token was made for this peer id in this call and has not expired. */
export function verifyPeerToken(input: {
  secret: string
  peerId: string
  callId: string
  token: string
  now: number
}): boolean {
  const match = /^(\d{1,15})\.([\w-]{43})$/.exec(input.token)
  if (!match) return false
  const expiresAt = Number(match[1])
  if (expiresAt <= input.now) return false
  const expected = Buffer.from(mac(input.secret, input.peerId, input.callId, expiresAt))
  const given = Buffer.from(match[2] ?? '')
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}
