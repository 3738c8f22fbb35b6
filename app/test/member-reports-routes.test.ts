import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { setProjectHidden } from '~/models/projects.server'
import { projects } from '~/models/schema'
import { blockUser } from '~/models/users.server'
import { findContactRequest, listContactRequests } from '~/models/contact-requests.server'
import { changeFraudAlertStatusSync, findFraudAlert, findLatestAlertAbout } from '~/models/fraud-alerts.server'
import { listOutbox } from '~/models/outbox.server'
import { action as contactAction, loader as contactLoader } from '~/routes/help.contact'
import { loader as requestLoader } from '~/routes/_portal.admin.contact-requests.$requestId'
import { loader as alertLoader } from '~/routes/_portal.admin.fraud.$alertId'
import { loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { loader as profileLoader } from '~/routes/_browse.freelancers.$userId'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { createFixedContract } from './fixed-contract'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const words = 'This client asked me to pay a “registration fee” by bank transfer before starting.'

type Member = { id: string; name: string; email: string }

/** A report posted on the contact form, as the "Report" link opens it, by a signed-in member. */
async function report(about: string, member: Member, message = words) {
  return run(
    contactAction,
    formRequest(
      `/help/contact?${new URLSearchParams({ topic: 'safety', about })}`,
      { name: member.name, email: member.email, topic: 'safety', message, about, website: '' },
      await signedInCookie(member.id),
    ),
  )
}

async function reportsBy(userId: string) {
  const { rows } = await listContactRequests('open', { limit: 1000, offset: 0 })
  return rows.filter((row) => row.userId === userId)
}

describe('members reporting a project, profile, proposal or conversation', () => {
  it('puts a report on the reported person’s fraud-desk alert, linked both ways, and emails the admins the links', async () => {
    const admin = await createTestUser('admin')
    const { client, freelancer, contract } = await createFixedContract()
    const reporter = await createTestUser('freelancer', { name: 'Rita Reporter' })
    const cookie = await signedInCookie(reporter.id)
    const about = `/projects/${contract.projectId}`

    // The project page offers the link to a member who is not its owner, and not to its owner.
    const page = await run(projectLoader, getRequest(about, cookie), { projectId: contract.projectId })
    expect(page.status).toBe(200)
    const form = await run(contactLoader, getRequest(`/help/contact?topic=safety&about=${about}`, cookie))
    expect(await form.json()).toMatchObject({ about, reporting: { what: 'the project “Landing page”', own: null } })

    expect((await report(about, reporter)).status).toBe(302)
    const [stored] = await reportsBy(reporter.id)
    expect(stored).toMatchObject({ topic: 'safety', aboutPath: about, subjectId: client.id })
    const alert = (await findLatestAlertAbout('member_reports', client.id))!
    expect(alert).toMatchObject({ status: 'pending', subjectId: client.id, score: 40, severity: 'medium' })
    expect(stored!.fraudAlertId).toBe(alert.id)
    expect(alert.evidence.data.reports).toMatchObject([
      { requestId: stored!.id, reporterId: reporter.id, aboutPath: about, what: 'the project “Landing page”' },
    ])

    // The admin deciding fraud sees the report on the alert, linked to the page, the reporter and their words.
    const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const desk = await (await run(alertLoader, getRequest('/admin/fraud/x', adminCookie), { alertId: alert.id })).json()
    expect(desk.reports).toMatchObject([{ requestId: stored!.id, reporterName: 'Rita Reporter', aboutPath: about }])
    expect(desk.accounts).toMatchObject([{ id: client.id }])
    // The contact request links the page, the person and the alert.
    const inbox = await (
      await run(requestLoader, getRequest('/admin/contact-requests/x', adminCookie), { requestId: stored!.id })
    ).json()
    expect(inbox).toMatchObject({
      request: { aboutPath: about, subjectId: client.id, fraudAlertId: alert.id },
      subjectName: client.name,
    })
    const mail = (await listOutbox({ to: admin.email, page: 1, pageSize: 10 })).rows[0]
    expect(mail?.text).toContain(`/admin/fraud/${alert.id}`)
    expect(mail?.text).toContain(`They report the project “Landing page”: `)

    // A second member reporting the same person (their profile this time) raises the same alert.
    const second = await createTestUser('client')
    expect((await report(`/clients/${client.id}`, second)).status).toBe(302)
    const raised = (await findFraudAlert(alert.id))!.alert
    expect(raised.score).toBe(50)
    expect(raised.evidence.words[0]).toBe(
      `2 members reported ${client.name}; the reports are in the contact requests, linked below.`,
    )
    // Reports alone never reach the score that holds a person's payouts.
    for (let i = 0; i < 4; i++) {
      const another = await createTestUser('freelancer')
      await report(about, another)
    }
    expect((await findFraudAlert(alert.id))!.alert.score).toBe(60)

    // The freelancer of the contract reports the conversation: it is about the client too.
    const conversation = (await openConversationFor('contract', contract.id, freelancer.id))!
    expect((await report(`/messages/${conversation.id}`, freelancer)).status).toBe(302)
    expect((await findLatestAlertAbout('member_reports', client.id))!.id).toBe(alert.id)
  })

  it('folds the same member’s repeated report of one page into their first, and refuses reporting oneself', async () => {
    const admin = await createTestUser('admin')
    const { client, contract } = await createFixedContract()
    const reporter = await createTestUser('freelancer')
    const about = `/projects/${contract.projectId}`
    const mailsBefore = (await listOutbox({ to: admin.email, page: 1, pageSize: 50 })).total
    // Each time, the form opens with the page's address on the first line ("About https://…").
    const aboutLine = `About https://megilance.example${about}`
    expect((await report(about, reporter, `${aboutLine}\n\n${words}`)).status).toBe(302)
    const again = await report(
      about,
      reporter,
      `${aboutLine}\n\nThey wrote to me again, now on WhatsApp, asking for the fee.`,
    )
    expect(again.status).toBe(302)
    const reports = await reportsBy(reporter.id)
    expect(reports).toHaveLength(1)
    expect(reports[0]!.message).toContain(words)
    expect(reports[0]!.message).toContain('now on WhatsApp')
    // The page is named once, not again above the words added.
    expect(reports[0]!.message.split(aboutLine)).toHaveLength(2)
    expect((await listOutbox({ to: admin.email, page: 1, pageSize: 50 })).total).toBe(mailsBefore + 1)
    const alert = (await findLatestAlertAbout('member_reports', client.id))!
    expect(alert.evidence.data.reports).toHaveLength(1)

    // Yourself: your own project or profile cannot be reported, and nothing is stored.
    const clientCookie = await signedInCookie(client.id)
    const own = await report(about, client)
    expect(own.status).toBe(400)
    expect(JSON.stringify(await own.json())).toContain('You cannot report your own project.')
    expect((await report(`/clients/${client.id}`, client)).status).toBe(400)
    expect(await reportsBy(client.id)).toHaveLength(0)
    const form = await run(contactLoader, getRequest(`/help/contact?topic=safety&about=${about}`, clientCookie))
    expect(await form.json()).toMatchObject({ reporting: { own: 'your own project' } })
  })

  it('starts a new alert for reports after the last one was decided, and shows the link only to other members', async () => {
    const admin = await createTestUser('admin')
    const freelancer = await createTestUser('freelancer')
    const about = `/freelancers/${freelancer.id}`
    const first = await createTestUser('client')
    await report(about, first)
    const decided = (await findLatestAlertAbout('member_reports', freelancer.id))!
    changeFraudAlertStatusSync({
      id: decided.id,
      from: ['pending'],
      to: 'false_positive',
      action: 'dismiss',
      actorId: admin.id,
      assigneeId: admin.id,
      note: 'A disagreement about price, not fraud.',
      at: new Date(),
    })
    const later = await createTestUser('client')
    await report(about, later)
    const fresh = (await findLatestAlertAbout('member_reports', freelancer.id))!
    expect(fresh.id).not.toBe(decided.id)
    expect(fresh).toMatchObject({ status: 'pending', score: 40 })
    const [request] = await reportsBy(later.id)
    expect((await findContactRequest(request!.id))?.fraudAlertId).toBe(fresh.id)

    const profile = (cookie?: string) => run(profileLoader, getRequest(about, cookie), { userId: freelancer.id })
    expect((await (await profile(await signedInCookie(later.id))).json()).canReport).toBe(true)
    expect((await (await profile(await signedInCookie(freelancer.id))).json()).canReport).toBe(false)
    expect((await (await profile()).json()).canReport).toBe(false)
  })

  it('names no project, profile or person a member may not open: an invite-only or hidden project, a blocked account', async () => {
    const { client, contract } = await createFixedContract(50_000, 'Private rebrand for Acme')
    const stranger = await createTestUser('freelancer', { name: 'Sam Stranger' })
    const cookie = await signedInCookie(stranger.id)
    const about = `/projects/${contract.projectId}`
    const reporting = async (path: string) =>
      (await (await run(contactLoader, getRequest(`/help/contact?topic=safety&about=${path}`, cookie))).json())
        .reporting

    // Invite-only: its page is 404 to a freelancer not invited, and so its title stays unknown here too.
    getDb().update(projects).set({ visibility: 'invite_only' }).where(eq(projects.id, contract.projectId)).run()
    expect((await run(projectLoader, getRequest(about, cookie), { projectId: contract.projectId })).status).toBe(404)
    expect(await reporting(about)).toBeNull()
    // Sent anyway, it is a plain question: no person named, no fraud-desk alert about the client.
    expect((await report(about, stranger)).status).toBe(302)
    expect(await reportsBy(stranger.id)).toMatchObject([{ aboutPath: about, subjectId: null, fraudAlertId: null }])
    expect(await findLatestAlertAbout('member_reports', client.id)).toBeUndefined()

    // Hidden by a moderator: the same.
    getDb().update(projects).set({ visibility: 'public' }).where(eq(projects.id, contract.projectId)).run()
    await setProjectHidden(contract.projectId, { at: new Date(), reason: 'Asks for payment outside the platform.' })
    expect(await reporting(about)).toBeNull()

    // A blocked account's profile is gone, and its name with it.
    const blocked = await createTestUser('freelancer', { name: 'Bea Blocked' })
    await blockUser(blocked.id, 'Fake reviews.')
    expect(await reporting(`/freelancers/${blocked.id}`)).toBeNull()
  })
})
