import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import {
  CHALLENGE_MINUTES,
  deleteWebAuthnCredential,
  findWebAuthnCredential,
  hasWebAuthnCredential,
  insertWebAuthnCredential,
  listWebAuthnCredentials,
  recordWebAuthnUse,
  renameWebAuthnCredential,
  storeWebAuthnChallenge,
  takeWebAuthnChallenge,
  type ChallengePurpose,
  type WebAuthnKind,
} from '~/models/webauthn.server'
import type { SessionUser } from '~/models/users.server'
import { getEnv } from '~/utils/env.server'
import { formatDate } from '~/utils/format'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import type { SecondFactorProvider } from './second-factor-provider'
import { WEBAUTHN_KIND_TEXT } from './webauthn-kind-text'
import { MINUTE_MS } from '~/domain/durations'

export type { WebAuthnKind }

/** The relying party always comes from configuration, never from the request's Host header. */
function relyingParty() {
  const env = getEnv()
  return { rpID: env.WEBAUTHN_RP_ID, rpName: env.WEBAUTHN_RP_NAME, origin: env.WEBAUTHN_ORIGIN }
}

const TIMEOUT_MS = CHALLENGE_MINUTES * MINUTE_MS

/**
 * The signature counter rule: authenticators that keep no counter always send 0; otherwise each use
 * must count higher than the last. A counter that does not go up points at a cloned authenticator.
 */
export function counterIsAcceptable(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true
  return received > stored
}

function parseTransports(stored: string): string[] {
  return stored ? stored.split(',') : []
}

function challengeTaker(userId: string, purpose: ChallengePurpose, kind: WebAuthnKind, now: Date) {
  return (challenge: string) => takeWebAuthnChallenge({ userId, purpose, kind, challenge }, now)
}

export type WebAuthnCredentialView = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }

export async function listCredentialsOf(userId: string, kind: WebAuthnKind): Promise<WebAuthnCredentialView[]> {
  const rows = await listWebAuthnCredentials(userId, kind)
  return rows.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt }))
}

/** Options for creating a credential of this kind; the challenge is kept on the server. */
export async function registrationOptionsFor(
  user: SessionUser,
  kind: WebAuthnKind,
  now = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID, rpName } = relyingParty()
  // Excluding every credential of the user (both kinds) stops one authenticator being added twice.
  const existing = [
    ...(await listWebAuthnCredentials(user.id, 'passkey')),
    ...(await listWebAuthnCredentials(user.id, 'security_key')),
  ]
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: parseTransports(row.transports) })),
    authenticatorSelection:
      kind === 'passkey'
        ? { authenticatorAttachment: 'platform', residentKey: 'preferred', userVerification: 'preferred' }
        : { authenticatorAttachment: 'cross-platform', residentKey: 'discouraged', userVerification: 'preferred' },
  })
  await storeWebAuthnChallenge({ userId: user.id, purpose: 'register', kind, challenge: options.challenge }, now)
  return options
}

function parseJson<T>(text: string): T | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as T) : undefined
  } catch {
    return undefined
  }
}

export type RegistrationResult = { ok: true; name: string } | { ok: false; message: string }

/** Checks the browser's answer to the registration options and saves the new credential. */
export async function registerCredential(
  user: SessionUser,
  kind: WebAuthnKind,
  input: { name?: string; response: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<RegistrationResult> {
  const response = parseJson<RegistrationResponseJSON>(input.response)
  const failed = {
    ok: false as const,
    message: `Your ${WEBAUTHN_KIND_TEXT[kind].one} could not be added. Reload the page and try again.`,
  }
  if (!response) return failed
  const { rpID, origin: expectedOrigin } = relyingParty()
  let verification
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challengeTaker(user.id, 'register', kind, now),
      expectedOrigin,
      expectedRPID: rpID,
      requireUserVerification: false,
    })
  } catch {
    return failed
  }
  if (!verification.verified) return failed
  const { credential } = verification.registrationInfo
  const name = input.name?.trim() || `${WEBAUTHN_KIND_TEXT[kind].defaultName} added ${formatDate(now)}`
  const saved = await insertWebAuthnCredential({
    id: credential.id,
    userId: user.id,
    kind,
    name,
    publicKey: Buffer.from(credential.publicKey),
    counter: credential.counter,
    transports: (credential.transports ?? response.response.transports ?? []).join(','),
    createdAt: now,
  })
  if (!saved) return { ok: false, message: `That ${WEBAUTHN_KIND_TEXT[kind].one} is already added.` }
  await recordSecurityEvent({
    userId: user.id,
    kind: 'second_factor_added',
    origin,
    detail: `${WEBAUTHN_KIND_TEXT[kind].defaultName}: ${name}`,
    now,
  })
  return { ok: true, name }
}

export async function renameCredential(userId: string, kind: WebAuthnKind, id: string, name: string): Promise<boolean> {
  const row = await findWebAuthnCredential(id)
  if (!row || row.userId !== userId || row.kind !== kind) return false
  return renameWebAuthnCredential(userId, id, name.trim())
}

/** Removes one of the user's credentials of this kind; false when there is no such credential. */
export async function removeCredential(
  userId: string,
  kind: WebAuthnKind,
  id: string,
  origin: RequestOrigin,
): Promise<boolean> {
  const row = await findWebAuthnCredential(id)
  if (!row || row.userId !== userId || row.kind !== kind) return false
  const removed = await deleteWebAuthnCredential(userId, id)
  if (!removed) return false
  await recordSecurityEvent({
    userId,
    kind: 'second_factor_removed',
    origin,
    detail: `${WEBAUTHN_KIND_TEXT[kind].defaultName}: ${removed.name}`,
  })
  return true
}

/** Options for signing in with one of the user's credentials of this kind; the challenge is kept. */
export async function authenticationOptionsFor(
  userId: string,
  kind: WebAuthnKind,
  now = new Date(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const credentials = await listWebAuthnCredentials(userId, kind)
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: credentials.map((row) => ({ id: row.id, transports: parseTransports(row.transports) })),
  })
  await storeWebAuthnChallenge({ userId, purpose: 'authenticate', kind, challenge: options.challenge }, now)
  return options
}

/**
 * Checks a sign-in answer: the credential must be this user's and of this kind, the challenge is
 * taken (so it works once), the signature must verify and the counter must go up.
 */
export async function verifyAuthentication(
  userId: string,
  kind: WebAuthnKind,
  responseText: string,
  now = new Date(),
): Promise<boolean> {
  const response = parseJson<AuthenticationResponseJSON>(responseText)
  if (!response || typeof response.id !== 'string') return false
  const row = await findWebAuthnCredential(response.id)
  if (!row || row.userId !== userId || row.kind !== kind) return false
  const { rpID, origin } = relyingParty()
  let newCounter: number
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeTaker(userId, 'authenticate', kind, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: row.id,
        publicKey: new Uint8Array(row.publicKey),
        counter: row.counter,
        transports: parseTransports(row.transports),
      },
      requireUserVerification: false,
    })
    if (!verification.verified) return false
    newCounter = verification.authenticationInfo.newCounter
  } catch {
    return false
  }
  if (!counterIsAcceptable(row.counter, newCounter)) return false
  return recordWebAuthnUse(row.id, newCounter, now)
}

/**
 * When the credential in `responseText` was added, or without one the oldest of the kind (so the
 * method counts as established while any credential is). Null for a credential that is not the user's.
 */
async function credentialAddedAt(
  userId: string,
  kind: WebAuthnKind,
  responseText: string | null,
): Promise<Date | null> {
  if (responseText === null) return (await listWebAuthnCredentials(userId, kind))[0]?.createdAt ?? null
  const id = parseJson<AuthenticationResponseJSON>(responseText)?.id
  const row = typeof id === 'string' ? await findWebAuthnCredential(id) : undefined
  return row && row.userId === userId && row.kind === kind ? row.createdAt : null
}

function webAuthnMethod(kind: WebAuthnKind): SecondFactorProvider {
  const text = WEBAUTHN_KIND_TEXT[kind]
  return {
    method: kind,
    label: text.defaultName,
    needsJavaScript: true,
    isEnabledFor: (userId) => hasWebAuthnCredential(userId, kind),
    prepare: (userId) => authenticationOptionsFor(userId, kind),
    verify: (userId, answer, now) => verifyAuthentication(userId, kind, answer.response ?? '', now),
    addedAt: (userId, answer) => credentialAddedAt(userId, kind, answer?.response ?? null),
  }
}

export const passkeyMethod = webAuthnMethod('passkey')
export const securityKeyMethod = webAuthnMethod('security_key')
