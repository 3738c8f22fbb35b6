import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { backupCodes, securityEvents } from '~/models/schema'
import { createTestUser, twoTestUsers } from '~/test/users'
import {
  backupCodeMethod,
  backupCodesOf,
  formatBackupCode,
  generateBackupCodes,
  newBackupCode,
  redeemBackupCode,
} from './backup-codes.server'

const origin = { ip: '203.0.113.7', userAgent: 'vitest', deviceId: null }
const kindsFor = (userId: string) =>
  getDb()
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .all()
    .map((event) => event.kind)

describe('backup codes', () => {
  it('makes ten distinct codes of ten unambiguous characters, shown grouped and stored hashed', async () => {
    const user = await createTestUser('client')
    const codes = await generateBackupCodes(user.id, origin)
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{2}$/)
    const stored = getDb().select().from(backupCodes).where(eq(backupCodes.userId, user.id)).all()
    expect(stored).toHaveLength(10)
    // argon2id with a salt per code (ASVS 6.5.2): never the code itself.
    for (const row of stored) expect(row.codeHash).toMatch(/^\$argon2id\$/)
    expect(await backupCodesOf(user.id)).toEqual({ total: 10, unused: 10 })
    expect(kindsFor(user.id)).toContain('backup_codes_generated')
    expect(formatBackupCode(newBackupCode())).toMatch(/^\w{4}-\w{4}-\w{2}$/)
  })

  it('each code works once, typed in any case with or without dashes', async () => {
    const user = await createTestUser('client')
    const [first = '', second = ''] = await generateBackupCodes(user.id, origin)
    expect(await backupCodeMethod.isEnabledFor(user.id)).toBe(true)
    expect(await redeemBackupCode(user.id, ` ${first.toUpperCase().replaceAll('-', ' ')} `)).toBe(true)
    expect(await redeemBackupCode(user.id, first)).toBe(false)
    expect(await redeemBackupCode(user.id, second.replaceAll('-', ''))).toBe(true)
    expect(await backupCodesOf(user.id)).toEqual({ total: 10, unused: 8 })
    expect(await backupCodeMethod.hint?.(user.id)).toBe('8 left')
    expect(kindsFor(user.id).filter((kind) => kind === 'backup_code_used')).toHaveLength(2)
  })

  it('counts a code once when two requests use it at the same moment', async () => {
    const user = await createTestUser('client')
    const [code = ''] = await generateBackupCodes(user.id, origin)
    const results = await Promise.all([redeemBackupCode(user.id, code), redeemBackupCode(user.id, code)])
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('refuses wrong codes and another account’s codes', async () => {
    const [owner, other] = await twoTestUsers('client')
    const [code = ''] = await generateBackupCodes(owner.id, origin)
    await generateBackupCodes(other.id, origin)
    expect(await redeemBackupCode(other.id, code)).toBe(false)
    expect(await redeemBackupCode(owner.id, 'aaaa-aaaa-aa')).toBe(false)
    expect(await redeemBackupCode(owner.id, '')).toBe(false)
    expect(await redeemBackupCode(owner.id, `${code}x`)).toBe(false)
  })

  it('a new set voids every code of the old one', async () => {
    const user = await createTestUser('client')
    const old = await generateBackupCodes(user.id, origin)
    await redeemBackupCode(user.id, old[0] ?? '')
    const fresh = await generateBackupCodes(user.id, origin)
    for (const code of old.slice(1)) expect(await redeemBackupCode(user.id, code)).toBe(false)
    expect(await backupCodesOf(user.id)).toEqual({ total: 10, unused: 10 })
    expect(await redeemBackupCode(user.id, fresh[9] ?? '')).toBe(true)
    // About a hundred argon2 checks (each wrong code is tried against all ten hashes): 2 s on a quiet
    // machine, past 20 s on a loaded one.
  }, 60_000)

  it('logs a used code with where it was used from, as the sign-in step beside it is', async () => {
    const user = await createTestUser('client')
    const [code = ''] = await generateBackupCodes(user.id, origin)
    expect(await backupCodeMethod.verify(user.id, { code, response: '' }, new Date(), '', origin)).toBe(true)
    const used = getDb()
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, user.id))
      .all()
      .find((event) => event.kind === 'backup_code_used')
    expect(used).toMatchObject({ ip: '203.0.113.7', userAgent: 'vitest', detail: '9 unused backup codes left' })
  })

  it('is offered only while unused codes remain', async () => {
    const user = await createTestUser('client')
    expect(await backupCodeMethod.isEnabledFor(user.id)).toBe(false)
    const codes = await generateBackupCodes(user.id, origin)
    for (const code of codes) expect(await redeemBackupCode(user.id, code)).toBe(true)
    expect(await backupCodeMethod.isEnabledFor(user.id)).toBe(false)
  })
})
