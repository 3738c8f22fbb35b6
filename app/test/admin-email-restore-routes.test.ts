import { describe, expect, it } from 'vitest'
import { countBackupCodes, replaceBackupCodes } from '~/models/backup-codes.server'
import { listOutbox } from '~/models/outbox.server'
import { claimPayoutForSending, findPayout, findPayoutMethodById } from '~/models/payouts.server'
import { findSmsFactor, markPhoneVerified, replaceUnverifiedPhone } from '~/models/sms-factors.server'
import { acceptTotpTimeStep, findTotpFactor, replaceUnconfirmedTotp } from '~/models/totp-factors.server'
import { findUserById } from '~/models/users.server'
import { findWebAuthnCredential, insertWebAuthnCredential } from '~/models/webauthn.server'
import { addSandboxBankMethod } from '~/services/payments/payouts/payout-methods.server'
import { actOnPayout, requestPayout } from '~/services/payments/payouts/payouts.server'
import { action as userAction, loader as userLoader } from '~/routes/_portal.admin.users.$userId'
import { confirmEmailChange } from '~/services/accounts/email-change.server'
import { readSession } from '~/services/accounts/sessions.server'
import { issueOneTimeCode } from '~/services/security/one-time-codes.server'
import { formRequest, getRequest, run } from './requests'
import { securityEventsOfKind } from './security-events'
import { createTestUser, signedInCookie, steppedUpCookie } from './users'
import { freelancerWithBank } from './wallet'

/**
 * Account takeover recovery: the full address an account had before each change is kept, shown on
 * the admin's page of the account, and an admin who confirmed a second factor in the last 10
 * minutes can put it back, with a reason the member reads.
 */

const ORIGIN = { ip: '203.0.113.9', userAgent: null, deviceId: null }
const REASON = 'The member wrote from their old address: the account was taken over.'

/** A member whose address was moved (with the code to the new address, as the settings page does). */
async function takenOverMember(member?: { id: string; email: string }) {
  member ??= await createTestUser('freelancer')
  const memberCookie = await signedInCookie(member.id)
  const session = (await readSession(getRequest('/', memberCookie)))!
  const newEmail = `taker-${crypto.randomUUID()}@test.example`
  const key = { userId: member.id, channel: 'email', purpose: 'change_email', boundTo: session.sessionId } as const
  const code = await issueOneTimeCode({ ...key, destination: newEmail })
  expect(await confirmEmailChange(session, code, ORIGIN)).toEqual({ ok: true, newEmail })
  return { member, memberCookie, newEmail }
}

const pageOf = (userId: string) => `/admin/users/${userId}`
const loadPage = async (userId: string, cookie: string) =>
  (await run(userLoader, getRequest(pageOf(userId), cookie), { userId })).json()
const restore = (userId: string, cookie: string, fields: Record<string, string>) =>
  run(userAction, formRequest(pageOf(userId), { intent: 'restore-email', ...fields }, cookie), { userId })

describe('the admin page of an account', () => {
  it('lists every change of its address in full, newest first, with how it was confirmed', async () => {
    const { member, newEmail } = await takenOverMember()
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const { emailChanges, user } = await loadPage(member.id, admin)
    expect(user.email).toBe(newEmail)
    expect(emailChanges).toEqual([
      expect.objectContaining({ oldEmail: member.email, newEmail, confirmedBy: 'code_to_new_address', reason: null }),
    ])
  })
})

describe('restoring an earlier address', () => {
  it('puts it back, signs the member out everywhere, logs it high and emails the restored address', async () => {
    const { member, memberCookie, newEmail } = await takenOverMember()
    const adminUser = await createTestUser('admin')
    const admin = await steppedUpCookie(adminUser.id)
    const [change] = (await loadPage(member.id, admin)).emailChanges

    const response = await restore(member.id, admin, { changeId: change.id, reason: REASON })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(pageOf(member.id))
    expect((await findUserById(member.id))?.email).toBe(member.email)
    expect(await readSession(getRequest('/', memberCookie))).toBeNull()

    const { events } = await securityEventsOfKind(member.id, 'email_restored')
    expect(events).toEqual([expect.objectContaining({ severity: 'high' })])
    expect(events[0]?.detail).toContain(REASON)
    const { events: audit } = await securityEventsOfKind(adminUser.id, 'admin_action')
    expect(audit[0]?.detail).toContain(`${newEmail} → ${member.email}`)

    const { rows } = await listOutbox({ to: member.email, page: 1, pageSize: 10 })
    const told = rows.find((row) => row.kind === 'email_restored')
    expect(told?.subject).toBe('Your MegiLance email address was put back')
    expect(told?.text).toContain(REASON)
    expect(told?.text).toContain('Every device signed in to the account was signed out.')

    // The restore is itself in the history, with its author and reason; nothing is left to put back.
    const { emailChanges } = await loadPage(member.id, admin)
    expect(emailChanges[0]).toMatchObject({
      oldEmail: newEmail,
      newEmail: member.email,
      confirmedBy: 'restored_by_admin',
      adminName: adminUser.name,
      reason: REASON,
    })
    const again = await restore(member.id, admin, { changeId: change.id, reason: REASON })
    expect(again.status).toBe(409)
  })

  it('is refused with a clear message when another account uses that address now, and changes nothing', async () => {
    const { member, memberCookie, newEmail } = await takenOverMember()
    const other = await createTestUser('client', { email: member.email, name: 'Later Owner' })
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const [change] = (await loadPage(member.id, admin)).emailChanges

    const refused = await restore(member.id, admin, { changeId: change.id, reason: REASON })
    expect(refused.status).toBe(409)
    const { form } = await refused.json()
    expect(form.formId).toBe('restore-email')
    expect(form.reply.error['']).toEqual([
      `Another account (Later Owner) uses ${other.email} now, so it cannot be put back on this one. Nothing was changed.`,
    ])
    // What was typed stays in the form.
    expect(form.reply.initialValue).toMatchObject({ changeId: change.id, reason: REASON })
    expect((await findUserById(member.id))?.email).toBe(newEmail)
    expect(await readSession(getRequest('/', memberCookie))).not.toBeNull()
    expect((await securityEventsOfKind(member.id, 'email_restored')).events).toHaveLength(0)
  })

  it('needs a reason, and a change from this account’s own history', async () => {
    const { member } = await takenOverMember()
    const { member: someoneElse } = await takenOverMember()
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const [change] = (await loadPage(member.id, admin)).emailChanges
    const [foreign] = (await loadPage(someoneElse.id, admin)).emailChanges

    const noReason = await restore(member.id, admin, { changeId: change.id, reason: 'ok' })
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).form.reply.error.reason).toEqual(['Explain the reason in at least 10 characters'])
    const elsewhere = await restore(member.id, admin, { changeId: foreign.id, reason: REASON })
    expect(elsewhere.status).toBe(400)
    expect((await findUserById(member.id))?.email).not.toBe(member.email)
    expect((await findUserById(someoneElse.id))?.email).not.toBe(someoneElse.email)
  })

  it('is for admins only, after confirming a second factor; the form comes back filled in once confirmed', async () => {
    const { member, newEmail } = await takenOverMember()
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const [change] = (await loadPage(member.id, admin)).emailChanges
    const fields = { changeId: change.id, reason: REASON }

    expect((await restore(member.id, '', fields)).headers.get('location')).toMatch(/^\/sign-in/)
    for (const role of ['client', 'freelancer'] as const) {
      const cookie = await signedInCookie((await createTestUser(role)).id)
      expect((await restore(member.id, cookie, fields)).status).toBe(403)
    }
    const stale = await signedInCookie((await createTestUser('admin')).id, {
      secondFactorAt: new Date(Date.now() - 60 * 60_000),
    })
    const sent = await restore(member.id, stale, fields)
    expect(sent.headers.get('location')).toBe(
      `/settings/security/verify?${new URLSearchParams({ redirectTo: pageOf(member.id) })}`,
    )
    expect((await findUserById(member.id))?.email).toBe(newEmail)
    expect((await loadPage(member.id, stale)).kept).toEqual({
      formId: 'restore-email',
      reply: { initialValue: { intent: 'restore-email', ...fields } },
    })
  })
})

/** A passkey row as the WebAuthn enrolment stores it. */
const passkey = (userId: string, name: string, createdAt: Date) => ({
  id: `cred-${crypto.randomUUID()}`,
  userId,
  kind: 'passkey' as const,
  name,
  publicKey: Buffer.from('key'),
  counter: 0,
  transports: 'internal',
  createdAt,
})

/**
 * A freelancer with their own passkey and bank account (a payout waiting to it), whose address is
 * then moved; after the move, whoever took the account adds an authenticator app, a phone, a
 * passkey, backup codes and a bank account of their own, with one payout to it waiting and one held.
 */
async function takenOverWithAdditions() {
  const { user, method: ownBank } = await freelancerWithBank(30_000)
  const hourAgo = new Date(Date.now() - 60 * 60_000)
  const ownKey = passkey(user.id, 'Owner laptop', hourAgo)
  await insertWebAuthnCredential(ownKey)
  const payout = async (methodId: string) => {
    const form = { methodId, currency: 'USD', amountMinor: 5_000, speed: 'standard' as const }
    const requested = await requestPayout(user, { ...form, idempotencyKey: crypto.randomUUID() })
    if (!requested.ok) throw new Error(requested.message)
    return requested.payout.id
  }
  const ownPayout = await payout(ownBank.id)
  const taken = await takenOverMember(user)

  const takerBank = await addSandboxBankMethod(user.id, {
    holderName: 'Tom Taker',
    country: 'GB',
    accountNumber: 'GB82WEST12345698765432',
  })
  if (!takerBank.ok) throw new Error(takerBank.message)
  const waiting = await payout(takerBank.method.id)
  const held = await payout(takerBank.method.id)
  const admin = await createTestUser('admin')
  expect(await actOnPayout(admin, held, 'hold', 'Checking the new account')).toMatchObject({ ok: true })
  const now = new Date()
  await replaceUnconfirmedTotp(user.id, 'sealed-secret', now)
  await acceptTotpTimeStep(user.id, 1, now)
  await replaceUnverifiedPhone(user.id, '+447700900123', now)
  await markPhoneVerified(user.id, '+447700900123', now)
  const takerKey = passkey(user.id, 'Taker phone', now)
  await insertWebAuthnCredential(takerKey)
  await replaceBackupCodes(user.id, ['hash-1', 'hash-2'], now)
  return {
    ...taken,
    ownKey,
    ownBank,
    ownPayout,
    takerKey,
    takerBank: takerBank.method,
    payouts: { waiting, held },
  }
}

describe('restoring an address after a takeover that added factors and payout methods', () => {
  it('lists each one added since the change, with when, and nothing from before', async () => {
    const { member } = await takenOverWithAdditions()
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const page = await loadPage(member.id, admin)
    const [change] = page.emailChanges
    expect(typeof page.listedAt).toBe('number')
    const preview = page.restorePreviews[change.id]
    expect(preview.factors.map((factor: { label: string }) => factor.label)).toEqual([
      'Authenticator app',
      'SMS codes to +447700900123',
      'Passkey “Taker phone”',
      'Backup codes (2 of 2 unused)',
    ])
    for (const factor of preview.factors)
      expect(Date.parse(factor.createdAt)).toBeGreaterThanOrEqual(Date.parse(change.createdAt))
    expect(preview.payoutMethods).toEqual([
      {
        label: 'Tom Taker, bank account ending 5432 (test account)',
        createdAt: expect.any(String),
        payouts: [
          expect.objectContaining({ amountMinor: 5_000, currency: 'USD', status: 'requested' }),
          expect.objectContaining({ amountMinor: 5_000, currency: 'USD', status: 'held' }),
        ],
      },
    ])
  })

  it('removes them with the address in one go, holds the payouts to them, and logs and emails the list', async () => {
    const added = await takenOverWithAdditions()
    const { member } = added
    const adminUser = await createTestUser('admin')
    const admin = await steppedUpCookie(adminUser.id)
    const page = await loadPage(member.id, admin)
    const [change] = page.emailChanges

    const response = await restore(member.id, admin, {
      changeId: change.id,
      reason: REASON,
      listedAt: String(page.listedAt),
    })
    expect(response.status).toBe(302)
    expect((await findUserById(member.id))?.email).toBe(member.email)
    expect(await findTotpFactor(member.id)).toBeUndefined()
    expect(await findSmsFactor(member.id)).toBeUndefined()
    expect(await findWebAuthnCredential(added.takerKey.id)).toBeUndefined()
    expect(await countBackupCodes(member.id)).toEqual({ total: 0, unused: 0 })
    // The owner's own passkey, bank account and payout are untouched.
    expect(await findWebAuthnCredential(added.ownKey.id)).toBeDefined()
    expect((await findPayoutMethodById(added.ownBank.id))?.status).toBe('active')
    expect((await findPayout(added.ownPayout))?.status).toBe('requested')
    // The taker's bank account is removed (its row kept), and its payouts wait for an admin.
    expect((await findPayoutMethodById(added.takerBank.id))?.status).toBe('removed')
    const waiting = await findPayout(added.payouts.waiting)
    expect(waiting).toMatchObject({ status: 'held' })
    expect(waiting?.statusReason).toContain('put back after a takeover')
    expect((await findPayout(added.payouts.held))?.statusReason).toBe('Checking the new account')

    expect((await securityEventsOfKind(member.id, 'second_factor_removed')).events).toHaveLength(4)
    const methodEvents = (await securityEventsOfKind(member.id, 'payout_method_removed')).events
    expect(methodEvents.map((event) => event.detail)).toEqual([
      expect.stringContaining('Tom Taker, bank account ending 5432 (test account) removed by an administrator'),
    ])
    const { events: restored } = await securityEventsOfKind(member.id, 'email_restored')
    expect(restored[0]?.detail).toContain('Passkey “Taker phone”')
    const { events: audit } = await securityEventsOfKind(adminUser.id, 'admin_action')
    expect(audit[0]?.detail).toContain('removed Authenticator app, added ')
    expect(audit[0]?.detail).toContain('held payouts $50 to Tom Taker, bank account ending 5432 (test account)')

    const { rows } = await listOutbox({ to: member.email, page: 1, pageSize: 10 })
    const told = rows.find((row) => row.kind === 'email_restored')?.text ?? ''
    expect(told).toContain('Added to the account after that change, and now removed:')
    expect(told).toContain('  - SMS codes to +447700900123, added ')
    expect(told).toContain('  - Payout method: Tom Taker, bank account ending 5432 (test account), added ')
    expect(told).toMatch(/they are held for an administrator[^]*\$50 to Tom Taker/)
  })

  it('changes nothing while a payout to such a method is being sent, and says so', async () => {
    const added = await takenOverWithAdditions()
    const { member, memberCookie, newEmail } = added
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const page = await loadPage(member.id, admin)
    const stale = new Date(Date.now() - 60 * 60_000)
    expect(await claimPayoutForSending(added.payouts.waiting, ['requested'], new Date(), stale)).toBe(true)

    const fields = { changeId: page.emailChanges[0].id, reason: REASON, listedAt: String(page.listedAt) }
    const refused = await restore(member.id, admin, fields)
    expect(refused.status).toBe(409)
    expect((await refused.json()).form.reply.error['']).toEqual([
      'A payout of $50 to Tom Taker, bank account ending 5432 (test account) is being sent at this moment, so it can no longer be held. Nothing was changed: try again in a minute.',
    ])
    // The address was put back inside the transaction and rolled back with it.
    expect((await findUserById(member.id))?.email).toBe(newEmail)
    expect(await findTotpFactor(member.id)).toBeDefined()
    expect((await findPayoutMethodById(added.takerBank.id))?.status).toBe('active')
    expect((await findPayout(added.payouts.waiting))?.status).toBe('requested')
    expect(await readSession(getRequest('/', memberCookie))).not.toBeNull()
    expect((await securityEventsOfKind(member.id, 'second_factor_removed')).events).toHaveLength(0)
  })

  it('changes nothing when something was added after the page listed it, until the admin sees the new list', async () => {
    const { member, newEmail } = await takenOverMember()
    const admin = await steppedUpCookie((await createTestUser('admin')).id)
    const before = await loadPage(member.id, admin)
    const [change] = before.emailChanges
    expect(before.restorePreviews[change.id]).toEqual({ factors: [], payoutMethods: [] })
    const lateKey = passkey(member.id, 'Added a moment later', new Date(before.listedAt + 1))
    await insertWebAuthnCredential(lateKey)

    const refused = await restore(member.id, admin, {
      changeId: change.id,
      reason: REASON,
      listedAt: String(before.listedAt),
    })
    expect(refused.status).toBe(409)
    const { form } = await refused.json()
    expect(form.reply.error['']).toEqual([
      'Something was added to this account after the page listed what the restore removes. Nothing was changed: check the list again and send.',
    ])
    expect(form.reply.initialValue).toMatchObject({ changeId: change.id, reason: REASON })
    expect((await findUserById(member.id))?.email).toBe(newEmail)
    expect(await findWebAuthnCredential(lateKey.id)).toBeDefined()

    // The page lists it now; sent from there, the restore goes through and removes it.
    const after = await loadPage(member.id, admin)
    expect(after.restorePreviews[change.id].factors).toEqual([
      { label: 'Passkey “Added a moment later”', createdAt: new Date(before.listedAt + 1).toISOString() },
    ])
    const fields = { changeId: change.id, reason: REASON, listedAt: String(after.listedAt) }
    expect((await restore(member.id, admin, fields)).status).toBe(302)
    expect(await findWebAuthnCredential(lateKey.id)).toBeUndefined()
  })
})
