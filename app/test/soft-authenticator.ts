import crypto from 'node:crypto'
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'

/**
 * A software WebAuthn authenticator (ES256, "none" attestation) so services can be tested with real
 * signatures, without a browser. `counter` is what the next assertion reports; tests may set it.
 */
export function softAuthenticator(rpID: string, origin: string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = publicKey.export({ format: 'jwk' })
  const credentialId = new Uint8Array(crypto.randomBytes(16))
  const id = isoBase64URL.fromBuffer(credentialId)
  const rpIdHash = crypto.createHash('sha256').update(rpID).digest()
  const state = { counter: 0 }

  const clientData = (type: string, challenge: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))

  function authData(flags: number, counter: number, attested?: Uint8Array): Buffer {
    const count = Buffer.alloc(4)
    count.writeUInt32BE(counter)
    return Buffer.concat([rpIdHash, Buffer.from([flags]), count, ...(attested ? [attested] : [])])
  }

  function register(options: { challenge: string }) {
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x ?? '')],
        [-3, isoBase64URL.toBuffer(jwk.y ?? '')],
      ]),
    )
    const length = Buffer.alloc(2)
    length.writeUInt16BE(credentialId.length)
    const attested = Buffer.concat([Buffer.alloc(16), length, credentialId, cose])
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData(0x45, state.counter, attested))],
      ]),
    )
    return credentialJson({
      clientDataJSON: isoBase64URL.fromBuffer(new Uint8Array(clientData('webauthn.create', options.challenge))),
      attestationObject: isoBase64URL.fromBuffer(attestationObject),
      transports: ['usb'],
    })
  }

  /** The credential as the browser posts it, around a ceremony's `response`. */
  function credentialJson(response: Record<string, unknown>) {
    return JSON.stringify({ id, rawId: id, type: 'public-key', clientExtensionResults: {}, response })
  }

  function authenticate(options: { challenge: string }) {
    const data = authData(0x05, state.counter)
    const client = clientData('webauthn.get', options.challenge)
    const signed = Buffer.concat([data, crypto.createHash('sha256').update(client).digest()])
    const signature = crypto.sign('sha256', signed, privateKey)
    return credentialJson({
      clientDataJSON: isoBase64URL.fromBuffer(new Uint8Array(client)),
      authenticatorData: isoBase64URL.fromBuffer(new Uint8Array(data)),
      signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
    })
  }

  return { id, state, register, authenticate }
}
