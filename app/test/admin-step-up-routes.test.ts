import { describe, expect, it } from 'vitest'
import { listBlocklist } from '~/models/ip-lists.server'
import { findProject } from '~/models/projects.server'
import { findUserById } from '~/models/users.server'
import { loader as rootLoader } from '~/root'
import { FraudAlertFilterSchema } from '~/domain/fraud-alert-filters'
import { listFraudAlerts } from '~/models/fraud-alerts.server'
import { action as cryptoAction, loader as cryptoLoader } from '~/routes/_portal.admin.crypto-payments'
import { action as alertAction, loader as alertLoader } from '~/routes/_portal.admin.fraud.$alertId'
import { action as blocklistAction, loader as blocklistLoader } from '~/routes/_portal.admin.ip-blocklist'
import { action as payoutsAction, loader as payoutsLoader } from '~/routes/_portal.admin.payouts'
import { raiseAlerts } from '~/services/fraud/alerts.server'
import { action as projectsAction, loader as projectsLoader } from '~/routes/_portal.admin.projects'
import { action as userAction, loader as userLoader } from '~/routes/_portal.admin.users.$userId'
import { createFixedContract } from '~/test/fixed-contract'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, passStepUpNow, signedInCookie } from '~/test/users'

/**
 * An admin's changes to other people's accounts and money need a second factor from the last
 * 10 minutes, like a member's sensitive settings: a session whose sign-in factor is an hour old is
 * sent to confirm one and back to the page, and nothing changes meanwhile.
 */

const HOUR_AGO = () => new Date(Date.now() - 60 * 60_000)

async function staleAdmin() {
  const admin = await createTestUser('admin')
  return { admin, cookie: await signedInCookie(admin.id, { secondFactorAt: HOUR_AGO() }) }
}

const stepUpTo = (page: string) => `/settings/security/verify?${new URLSearchParams({ redirectTo: page })}`

describe('an admin whose second factor is over 10 minutes old', () => {
  it('is sent to confirm it before blocking or signing out a member, and the member is untouched', async () => {
    const { cookie } = await staleAdmin()
    const member = await createTestUser('freelancer')
    const path = `/admin/users/${member.id}`
    const attempts: Record<string, string>[] = [{ intent: 'block', reason: 'Card testing' }, { intent: 'end-sessions' }]
    for (const fields of attempts) {
      const response = await run(userAction, formRequest(path, fields, cookie), { userId: member.id })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe(stepUpTo(path))
    }
    expect((await findUserById(member.id))?.blockedAt).toBeNull()
  })

  it('finds the form as it was typed on the page it comes back to, once, and on that session only', async () => {
    const { admin, cookie } = await staleAdmin()
    const otherBrowser = await signedInCookie(admin.id, { secondFactorAt: HOUR_AGO() })
    const member = await createTestUser('freelancer')
    const path = `/admin/users/${member.id}`
    const reason = 'Asked clients to pay outside the platform, twice.'
    const sent = await run(userAction, formRequest(path, { intent: 'block', reason }, cookie), { userId: member.id })
    // The text travels nowhere but the server: not in the step-up's address.
    expect(sent.headers.get('location')).toBe(stepUpTo(path))
    expect(sent.headers.get('set-cookie')).toBeNull()

    await passStepUpNow(cookie)
    const page = async (from: string) => (await run(userLoader, getRequest(path, from), { userId: member.id })).json()
    expect((await page(otherBrowser)).kept).toBeNull()
    expect((await page(cookie)).kept).toEqual({
      formId: 'block-user',
      reply: { initialValue: { intent: 'block', reason } },
    })
    // Shown, not sent: the member is untouched until the admin presses the button again; a reload shows it empty.
    expect((await findUserById(member.id))?.blockedAt).toBeNull()
    expect((await page(cookie)).kept).toBeNull()
  })

  it('is sent to confirm it before hiding a project or adding an IP range, keeping the page’s filters', async () => {
    const { cookie } = await staleAdmin()
    const { contract } = await createFixedContract()
    const hide = formRequest(
      '/admin/projects?status=open',
      { intent: 'hide', projectId: contract.projectId, reason: 'A scam post asking for card details' },
      cookie,
    )
    const hidden = await run(projectsAction, hide)
    expect(hidden.headers.get('location')).toBe(stepUpTo('/admin/projects?status=open'))
    expect((await findProject(contract.projectId))?.hiddenAt).toBeNull()

    const before = (await listBlocklist()).length
    const add = { intent: 'add', cidr: '198.51.100.0/24', reason: 'Card testing' }
    const blocked = await run(blocklistAction, formRequest('/admin/ip-blocklist', add, cookie))
    expect(blocked.headers.get('location')).toBe(stepUpTo('/admin/ip-blocklist'))
    expect((await listBlocklist()).length).toBe(before)

    // Once confirmed, both pages show what was typed, in its form, for the admin to send again.
    await passStepUpNow(cookie)
    const projects = await run(projectsLoader, getRequest('/admin/projects?status=open', cookie))
    expect((await projects.json()).keptHide).toEqual({
      projectId: contract.projectId,
      reason: 'A scam post asking for card details',
    })
    const blocklist = await run(blocklistLoader, getRequest('/admin/ip-blocklist', cookie))
    expect((await blocklist.json()).kept).toEqual({ formId: 'blocklist-add', reply: { initialValue: add } })
  })

  it('is sent to confirm it before acting on payouts, fraud alerts or crypto payments', async () => {
    const { cookie } = await staleAdmin()
    const cases = [
      [payoutsAction, '/admin/payouts', { intent: 'hold', payoutId: 'p1', reason: 'Checking the bank' }, {}],
      [alertAction, '/admin/fraud/a1', { intent: 'workflow', status: 'investigating' }, { alertId: 'a1' }],
      [cryptoAction, '/admin/crypto-payments', { intent: 'confirm', requestId: 'r1', txHash: '0xabc' }, {}],
    ] as const
    for (const [action, path, fields, params] of cases) {
      const response = await run(action, formRequest(path, fields, cookie), params)
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe(stepUpTo(path))
    }
  })

  it('finds a payout reason, a fraud-desk note and a crypto reference as typed once confirmed', async () => {
    const { cookie } = await staleAdmin()
    const suspect = await createTestUser('freelancer')
    await raiseAlerts([
      {
        type: 'proposal_spam',
        key: `proposal_spam:${suspect.id}`,
        score: 50,
        severity: 'medium',
        accounts: [suspect.id],
        words: ['Test evidence.'],
        data: {},
      },
    ])
    const { rows } = await listFraudAlerts(FraudAlertFilterSchema.parse({}), { offset: 0, limit: 500 })
    const alertId = rows.find((row) => row.subjectId === suspect.id)!.id
    const alertPath = `/admin/fraud/${alertId}`
    const hold = { intent: 'hold', payoutId: 'p1', reason: 'The bank account was added an hour ago' }
    const note = { intent: 'workflow', action: 'investigate', note: 'Same letter sent to forty projects' }
    const block = { intent: 'block', userId: suspect.id, reason: 'Copies one letter everywhere' }
    const confirm = { intent: 'confirm', requestId: 'r1', txHash: '0xabc123' }
    const refund = { intent: 'refund', receiptId: 'c9', reference: '0xdef456' }
    await run(payoutsAction, formRequest('/admin/payouts?status=requested', hold, cookie))
    await run(alertAction, formRequest(alertPath, note, cookie), { alertId })
    await run(cryptoAction, formRequest('/admin/crypto-payments', confirm, cookie))
    await passStepUpNow(cookie)

    const payouts = await (await run(payoutsLoader, getRequest('/admin/payouts?status=requested', cookie))).json()
    expect(payouts.keptReason).toEqual({ payoutId: 'p1', reason: hold.reason })
    const alert = async () => (await run(alertLoader, getRequest(alertPath, cookie), { alertId })).json()
    expect((await alert()).kept).toEqual({ formId: 'workflow', reply: { initialValue: note } })
    const crypto = async () => (await run(cryptoLoader, getRequest('/admin/crypto-payments', cookie))).json()
    expect((await crypto()).kept).toEqual({ formId: 'confirm-r1', reply: { initialValue: confirm } })
    // Read once: the next visit shows the forms empty.
    expect((await alert()).kept).toBeNull()
    expect((await crypto()).kept).toBeNull()

    // Each form of the alert page and the refund form are named by their record, so only that one fills in.
    const stale = await signedInCookie((await createTestUser('admin')).id, { secondFactorAt: HOUR_AGO() })
    await run(alertAction, formRequest(alertPath, block, stale), { alertId })
    await run(cryptoAction, formRequest('/admin/crypto-payments', refund, stale))
    await passStepUpNow(stale)
    const blockPage = await (await run(alertLoader, getRequest(alertPath, stale), { alertId })).json()
    expect(blockPage.kept).toEqual({ formId: `block-${suspect.id}`, reply: { initialValue: block } })
    const refundPage = await (await run(cryptoLoader, getRequest('/admin/crypto-payments', stale))).json()
    expect(refundPage.kept).toEqual({ formId: 'refund-c9', reply: { initialValue: refund } })
  })

  it('sees, on admin pages only, a link to confirm it that comes back to the page', async () => {
    const { cookie } = await staleAdmin()
    const adminPage = (await run(rootLoader, getRequest('/admin/users?q=ada', cookie))) as Response
    expect((await adminPage.json()).adminStepUpHref).toBe(stepUpTo('/admin/users?q=ada'))
    const settings = await run(rootLoader, getRequest('/settings/profile', cookie))
    expect((await settings.json()).adminStepUpHref).toBeNull()
  })
})

describe('an admin who confirmed a second factor in the last 10 minutes', () => {
  it('sees no such link, and a member never does', async () => {
    const admin = await createTestUser('admin')
    const fresh = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    expect((await (await run(rootLoader, getRequest('/admin/users', fresh))).json()).adminStepUpHref).toBeNull()
    const member = await signedInCookie((await createTestUser('client')).id)
    expect((await (await run(rootLoader, getRequest('/admin/users', member))).json()).adminStepUpHref).toBeNull()
  })
})
