import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { findUserById } from '~/models/users.server'
import { action as userAction, loader as userLoader } from '~/routes/_portal.admin.users.$userId'
import { confirmEmailChange } from '~/services/accounts/email-change.server'
import { readSession } from '~/services/accounts/sessions.server'
import { issueOneTimeCode } from '~/services/security/one-time-codes.server'
import { formRequest, getRequest, run } from './requests'
import { securityEventsOfKind } from './security-events'
import { createTestUser, signedInCookie, steppedUpCookie } from './users'

/**
 * Account takeover recovery: the full address an account had before each change is kept, shown on
 * the admin's page of the account, and an admin who confirmed a second factor in the last 10
 * minutes can put it back, with a reason the member reads.
 */

const ORIGIN = { ip: '203.0.113.9', userAgent: null, deviceId: null }
const REASON = 'The member wrote from their old address: the account was taken over.'

/** A member whose address was moved (with the code to the new address, as the settings page does). */
async function takenOverMember() {
  const member = await createTestUser('freelancer')
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
