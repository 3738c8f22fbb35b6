import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { backupCodes, emailFactors, smsFactors, totpFactors, webauthnCredentials } from '~/models/schema'
import { createTestUser } from '~/test/users'
import { generateBackupCodes } from './backup-codes.server'
import { enabledMethodsOf, hasSecondFactor, verifySecondFactor } from './second-factor.server'
import { Throttled } from './throttle.server'

const now = new Date()
const made = { createdAt: now }
const credential = (userId: string, kind: 'passkey' | 'security_key') => ({
  id: crypto.randomUUID(),
  userId,
  kind,
  name: kind,
  publicKey: Buffer.from('key'),
  counter: 0,
  ...made,
})

/** Each state a user's factors can be in: the one-statement check must say what the providers say. */
const STATES: [string, (userId: string) => void, boolean][] = [
  ['no factor at all', () => {}, false],
  [
    'an authenticator app not yet confirmed',
    (userId) =>
      void getDb()
        .insert(totpFactors)
        .values({ ...made, userId, secretSealed: 's' })
        .run(),
    false,
  ],
  [
    'a confirmed authenticator app',
    (userId) =>
      void getDb()
        .insert(totpFactors)
        .values({ ...made, userId, secretSealed: 's', confirmedAt: now })
        .run(),
    true,
  ],
  [
    'a phone number not yet verified',
    (userId) =>
      void getDb()
        .insert(smsFactors)
        .values({ ...made, userId, phoneE164: '+447700900123' })
        .run(),
    false,
  ],
  [
    'a verified phone number',
    (userId) =>
      void getDb()
        .insert(smsFactors)
        .values({ ...made, userId, phoneE164: '+447700900123', verifiedAt: now })
        .run(),
    true,
  ],
  [
    'email codes switched on',
    (userId) => void getDb().insert(emailFactors).values({ userId, enabledAt: now }).run(),
    true,
  ],
  ['a passkey', (userId) => void getDb().insert(webauthnCredentials).values(credential(userId, 'passkey')).run(), true],
  [
    'a security key',
    (userId) => void getDb().insert(webauthnCredentials).values(credential(userId, 'security_key')).run(),
    true,
  ],
  [
    'backup codes, all used',
    (userId) =>
      void getDb()
        .insert(backupCodes)
        .values({ ...made, id: crypto.randomUUID(), userId, codeHash: 'h', usedAt: now })
        .run(),
    false,
  ],
  [
    'backup codes, one unused',
    (userId) =>
      void getDb()
        .insert(backupCodes)
        .values([
          { ...made, id: crypto.randomUUID(), userId, codeHash: 'h', usedAt: now },
          { ...made, id: crypto.randomUUID(), userId, codeHash: 'h2' },
        ])
        .run(),
    true,
  ],
]

describe('whether a user has a second factor', () => {
  it.each(STATES)('%s', async (_state, arrange, expected) => {
    const user = await createTestUser('client')
    arrange(user.id)
    expect(await hasSecondFactor(user.id)).toBe(expected)
    // The methods the sign-in challenge would offer, asked provider by provider.
    expect((await enabledMethodsOf(user.id)).length > 0).toBe(expected)
  })
})

describe('answers sent at once', () => {
  it('count before they are checked: of 10 wrong backup codes sent together, 5 are tried', async () => {
    const user = await createTestUser('client')
    const origin = { ip: '198.51.100.60', userAgent: null, deviceId: null }
    await generateBackupCodes(user.id, origin)
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        verifySecondFactor(user.id, 'backup_code', { code: `wrongcode${i}`, response: '' }, origin, 'pending'),
      ),
    )
    const tried = results.filter((result) => result.status === 'fulfilled')
    const held = results.filter((result) => result.status === 'rejected')
    expect(tried).toHaveLength(5)
    expect(held.every((result) => result.reason instanceof Throttled)).toBe(true)
  })
})
