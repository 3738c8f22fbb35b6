import { describe, expect, it } from 'vitest'
import { listBlocklist } from '~/models/ip-lists.server'
import { readSession, startSession } from '~/services/accounts/sessions.server'
import { submitContactRequest } from '~/services/help/contact.server'
import { action as answerAction } from '~/routes/_portal.admin.contact-requests.$requestId'
import { loader as fraudDeskLoader } from '~/routes/_portal.admin.fraud._index'
import { action as blocklistAction } from '~/routes/_portal.admin.ip-blocklist'
import { loader as payoutsLoader } from '~/routes/_portal.admin.payouts'
import { action as projectsAction } from '~/routes/_portal.admin.projects'
import { action as userAction, loader as userLoader } from '~/routes/_portal.admin.users.$userId'
import { MAX_STATS_DAYS } from '~/services/fraud/desk-views.server'
import { createFixedContract } from '~/test/fixed-contract'
import { formRequest, getRequest, run } from '~/test/requests'
import { securityEventsOfKind } from '~/test/security-events'
import { createTestUser, signedInCookie } from '~/test/users'

/**
 * What an attacker (or a careless link) tried on the admin pages: query strings no form sends, a
 * session that never passed the second factor every admin sign-in asks for, and admin actions that
 * left no trace of who took them.
 */

async function signedInAdmin() {
  const admin = await createTestUser('admin', { name: 'Audrey Admin' })
  return { admin, cookie: await signedInCookie(admin.id, { secondFactorAt: new Date() }) }
}

const adminActions = async (adminId: string) => (await securityEventsOfKind(adminId, 'admin_action')).sortedDetails

describe('admin list pages under edited query strings', () => {
  it('answer a page number past 2^53 on the payouts list with the last page allowed, not a 500', async () => {
    const { cookie } = await signedInAdmin()
    const response = await run(payoutsLoader, getRequest('/admin/payouts?page=99999999999999999999', cookie))
    expect(response.status).toBe(200)
    expect((await response.json()).page).toBe(10_000)
  })

  it('keep the fraud desk’s per-day table to three years however far back “From” goes', async () => {
    const { cookie } = await signedInAdmin()
    const response = await run(fraudDeskLoader, getRequest('/admin/fraud?from=1900-01-01&to=2026-06-30', cookie))
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page.perDay).toHaveLength(MAX_STATS_DAYS)
    expect(page.perDay.at(-1).day).toBe('2026-06-30')
    expect(page.range.from.slice(0, 10)).toBe(page.perDay[0].day)
  })
})

describe('an admin session that never passed a second factor', () => {
  it('is signed out (an account promoted to admin while signed in with its password alone)', async () => {
    const admin = await createTestUser('admin')
    const target = await createTestUser('freelancer')
    // As a session started before `create-admin --promote`: no second factor on it.
    const cookie = (await startSession(admin.id, getRequest('/'), '203.0.113.7')).split(';')[0]!
    const params = { userId: target.id }
    const page = await run(userLoader, getRequest(`/admin/users/${target.id}`, cookie), params)
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toMatch(/^\/sign-in\?/)
    const block = await run(
      userAction,
      formRequest(`/admin/users/${target.id}`, { intent: 'block', reason: 'Testing the refusal' }, cookie),
      params,
    )
    expect(block.status).toBe(302)
    expect(block.headers.get('location')).toMatch(/^\/sign-in\?/)
    expect(await readSession(getRequest('/', cookie))).toBeNull()
    // The same check passes an admin whose sign-in passed the second factor.
    const { cookie: fine } = await signedInAdmin()
    expect((await run(userLoader, getRequest(`/admin/users/${target.id}`, fine), params)).status).toBe(200)
  })
})

describe('admin actions name their author in the security log', () => {
  it('blocking, unblocking and signing a user out', async () => {
    const { admin, cookie } = await signedInAdmin()
    const target = await createTestUser('client', { name: 'Blake Target' })
    await signedInCookie(target.id)
    const params = { userId: target.id }
    const post = (fields: Record<string, string>) =>
      run(userAction, formRequest(`/admin/users/${target.id}`, fields, cookie), params)
    expect((await post({ intent: 'end-sessions' })).status).toBe(302)
    expect((await post({ intent: 'block', reason: 'Card testing from three accounts' })).status).toBe(302)
    expect((await post({ intent: 'unblock' })).status).toBe(302)
    expect(await adminActions(admin.id)).toEqual([
      `Blocked Blake Target (${target.email}): Card testing from three accounts`,
      `Signed Blake Target (${target.email}) out of 1 session`,
      `Unblocked Blake Target (${target.email})`,
    ])
  })

  it('hiding and restoring a project', async () => {
    const { admin, cookie } = await signedInAdmin()
    const { contract } = await createFixedContract(50_000, 'Logo for a bakery')
    const post = (fields: Record<string, string>) =>
      run(projectsAction, formRequest('/admin/projects', { projectId: contract.projectId, ...fields }, cookie))
    expect((await post({ intent: 'hide', reason: 'Spam listing, same text posted 40 times.' })).status).toBe(302)
    expect((await post({ intent: 'restore' })).status).toBe(302)
    expect(await adminActions(admin.id)).toEqual([
      `Hid the project “Logo for a bakery” (${contract.projectId}): Spam listing, same text posted 40 times.`,
      `Restored the project “Logo for a bakery” (${contract.projectId})`,
    ])
  })

  it('answering a contact request, and adding and removing an IP range', async () => {
    const { admin, cookie } = await signedInAdmin()
    const submitted = await submitContactRequest(
      { name: 'Quinn', email: 'quinn-audit@example.com', topic: 'payments', message: 'When is a payout sent to me?' },
      null,
    )
    if (!submitted.ok) throw new Error(submitted.message)
    const question = submitted.request
    const path = `/admin/contact-requests/${question.id}`
    const answer = formRequest(path, { reply: 'Ten minutes after you ask for it.' }, cookie)
    expect((await run(answerAction, answer, { requestId: question.id })).status).toBe(302)
    const add = { intent: 'add', cidr: '198.51.100.0/24', reason: 'Card testing' }
    expect((await run(blocklistAction, formRequest('/admin/ip-blocklist', add, cookie))).status).toBe(302)
    const entry = (await listBlocklist()).find((row) => row.cidr === '198.51.100.0/24')!
    const remove = { intent: 'remove', entryId: entry.id }
    expect((await run(blocklistAction, formRequest('/admin/ip-blocklist', remove, cookie))).status).toBe(302)
    expect(await adminActions(admin.id)).toEqual([
      'Added 198.51.100.0/24 to the IP blocklist: Card testing',
      `Answered the contact request of quinn-audit@example.com (${question.id})`,
      'Removed 198.51.100.0/24 from the IP blocklist (blocked for: Card testing)',
    ])
  })
})
