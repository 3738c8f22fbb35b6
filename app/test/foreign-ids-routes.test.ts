/**
 * Security probe: an id of someone else's record posted inside a form of a page the sender may use.
 * The authorisation matrix tries each route's own URL ids; these are the ids a form carries (a
 * milestone, an invitation, a session, a notification, a saved search). Each must answer 404 (or a
 * refusal) and leave the other person's record as it was.
 */
import { describe, expect, it } from 'vitest'
import { findMilestone } from '~/models/contracts.server'
import { findInvitationById, insertInvitation } from '~/models/projects.server'
import { findSavedSearchOf, insertSavedSearch, listSavedSearchesOf } from '~/models/saved-searches.server'
import { insertNotification, listNotifications } from '~/models/notifications.server'
import { findInvoiceById, insertTimeEntry, listTimeEntries } from '~/models/hourly.server'
import { action as contractAction } from '~/routes/_portal.contracts_.$contractId._index'
import { action as hoursAction } from '~/routes/_portal.contracts_.$contractId.hours'
import { sendWeeklyInvoice } from '~/services/marketplace/hourly.server'
import { createHourlyTestContract } from './hourly-contract'
import { action as invitationsAction } from '~/routes/_portal.freelancer.invitations'
import { action as savedSearchesAction } from '~/routes/_portal.saved-searches'
import { action as sessionsAction, loader as sessionsLoader } from '~/routes/_portal.settings.sessions'
import { action as notificationsAction } from '~/routes/_portal.notifications._index'
import { createFixedContract } from './fixed-contract'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

describe('ids of other people’s records inside a form', () => {
  it('a milestone of another contract, posted to my own contract’s page, is not found and stays as it was', async () => {
    const mine = await createFixedContract(50_000, 'My contract')
    const theirs = await createFixedContract(70_000, 'Their contract')
    const post = async (as: string, fields: Record<string, string>) =>
      run(contractAction, formRequest(`/contracts/${mine.contract.id}`, fields, await signedInCookie(as)), {
        contractId: mine.contract.id,
      })

    const foreign = theirs.milestone.id
    for (const [as, fields] of [
      [mine.client.id, { intent: 'fund', milestoneId: foreign, method: 'wallet' }],
      [mine.client.id, { intent: 'approve', milestoneId: foreign }],
      [mine.client.id, { intent: 'request_changes', milestoneId: foreign, changes: 'Please redo the header.' }],
      [mine.freelancer.id, { intent: 'submit', milestoneId: foreign, note: 'Done, see the link.' }],
    ] as const) {
      expect((await post(as, fields)).status).toBe(404)
    }
    expect((await findMilestone(theirs.contract.id, foreign))?.status).toBe('pending')
  })

  it('another freelancer’s invitation cannot be accepted or declined', async () => {
    const { contract } = await createFixedContract()
    const invited = await createTestUser('freelancer')
    const other = await createTestUser('freelancer')
    const invitationId = (await insertInvitation({
      projectId: contract.projectId,
      freelancerId: invited.id,
      message: 'Would you look at this?',
    }))!
    const cookie = await signedInCookie(other.id)
    for (const intent of ['accept', 'decline']) {
      const answer = await run(
        invitationsAction,
        formRequest('/freelancer/invitations', { intent, invitationId, reason: 'Busy' }, cookie),
      )
      expect(answer.status).toBe(404)
    }
    expect((await findInvitationById(invitationId))?.status).toBe('pending')
  })

  it('another person’s saved search cannot be renamed, deleted or silenced', async () => {
    const [owner, stranger] = [await createTestUser('freelancer'), await createTestUser('freelancer')]
    await insertSavedSearch({
      userId: owner.id,
      kind: 'projects',
      name: 'React work',
      query: 'q=react',
      notify: true,
      checkedAt: new Date(),
    })
    const [search] = await listSavedSearchesOf(owner.id)
    const cookie = await signedInCookie(stranger.id)
    for (const fields of [
      { intent: 'rename', searchId: search!.id, name: 'Mine now' },
      { intent: 'delete', searchId: search!.id },
      { intent: 'alerts-off', searchId: search!.id },
    ] as Record<string, string>[]) {
      expect((await run(savedSearchesAction, formRequest('/saved-searches', fields, cookie))).status).toBe(404)
    }
    expect(await findSavedSearchOf(owner.id, search!.id)).toMatchObject({ name: 'React work', notify: true })
  })

  it('another person’s session cannot be ended, nor their notification marked read', async () => {
    const [owner, stranger] = [await createTestUser('client'), await createTestUser('client')]
    const ownerCookie = await signedInCookie(owner.id)
    const devices = (await (await run(sessionsLoader, getRequest('/settings/sessions', ownerCookie))).json()) as {
      devices: { id: string }[]
    }
    const strangerCookie = await signedInCookie(stranger.id)
    const revoke = formRequest(
      '/settings/sessions',
      { intent: 'revoke', sessionId: devices.devices[0]!.id },
      strangerCookie,
    )
    expect((await run(sessionsAction, revoke)).status).toBe(404)
    expect((await run(sessionsLoader, getRequest('/settings/sessions', ownerCookie))).status).toBe(200)

    const note = await insertNotification({
      userId: owner.id,
      kind: 'account',
      title: 'Your payout is on its way',
      body: '',
      link: null,
    })
    const read = formRequest('/notifications', { intent: 'mark-read', notificationId: note.id }, strangerCookie)
    expect((await run(notificationsAction, read)).status).toBe(404)
    const rows = await listNotifications(owner.id, { limit: 10, offset: 0 })
    expect(rows.find((row) => row.id === note.id)?.readAt).toBeNull()
  })

  it('a time entry or invoice of another hourly contract, posted to my contract’s hours page, is refused and kept', async () => {
    const mine = await createHourlyTestContract()
    const theirs = await createHourlyTestContract()
    await insertTimeEntry({ contractId: theirs.contract.id, workDate: '2026-11-17', minutes: 90, memo: 'Logs' })
    await insertTimeEntry({ contractId: theirs.contract.id, workDate: '2026-11-24', minutes: 60, memo: 'Alerts' })
    const invoice = (await sendWeeklyInvoice(
      theirs.contract,
      '2026-11-16',
      theirs.freelancer.id,
      new Date('2026-11-23T09:00:00Z'),
    ))!
    const [entry] = (await listTimeEntries(theirs.contract.id)).filter((row) => row.workDate === '2026-11-24')
    const post = async (as: string, fields: Record<string, string>) =>
      run(hoursAction, formRequest(`/contracts/${mine.contract.id}/hours`, fields, await signedInCookie(as)), {
        contractId: mine.contract.id,
      })

    expect((await post(mine.freelancer.id, { intent: 'delete-entry', entryId: entry!.id })).status).toBe(409)
    for (const fields of [
      { intent: 'approve-invoice', invoiceId: invoice.id },
      { intent: 'dispute-invoice', invoiceId: invoice.id, reason: 'These hours were not worked.' },
      { intent: 'pay-invoice', invoiceId: invoice.id },
    ] as Record<string, string>[]) {
      expect((await post(mine.client.id, fields)).status).toBe(409)
    }
    expect((await listTimeEntries(theirs.contract.id)).map((row) => row.id)).toContain(entry!.id)
    expect((await findInvoiceById(invoice.id))?.status).toBe(invoice.status)
  })
})
