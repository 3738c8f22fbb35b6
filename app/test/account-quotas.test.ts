import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { createProjectWithSkills } from '~/models/projects.server'
import {
  callGuests,
  contracts,
  messages,
  milestones,
  notifications,
  projectInvitations,
  projects,
  proposals,
  uploads,
} from '~/models/schema'
import { action as projectPageAction } from '~/routes/_browse.projects_.$projectId._index'
import { action as callPageAction } from '~/routes/_portal.calls.$callId._index'
import { action as conversationAction } from '~/routes/_portal.messages.$conversationId'
import { action as inviteAction } from '~/routes/_portal.projects_.$projectId.invite'
import { action as proposeAction } from '~/routes/_portal.projects_.$projectId_.propose'
import { action as editProposalAction } from '~/routes/_portal.proposals.$proposalId_.edit'
import { action as contractAction } from '~/routes/_portal.contracts_.$contractId._index'
import { action as hoursAction } from '~/routes/_portal.contracts_.$contractId.hours'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { takeAccountQuota, Throttled, type AccountQuota } from '~/services/security/throttle.server'
import { DAY_MS, MINUTE_MS } from '~/domain/durations'
import { insertContractCall } from './contract-call'
import { hireBetweenNewUsers } from './escrow-fixtures'
import { createHourlyTestContract } from './hourly-contract'
import { formRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

type Account = { id: string; role: 'client' | 'freelancer' | 'admin' }

/** Uses up `n` of the account's quota, as that many earlier posts would have. */
async function spend(kind: AccountQuota, account: Account, n: number, now = new Date()) {
  for (let i = 0; i < n; i++) await takeAccountQuota(kind, account, now)
}

async function refusal(kind: AccountQuota, account: Account, now = new Date()): Promise<Throttled | null> {
  try {
    await takeAccountQuota(kind, account, now)
    return null
  } catch (error) {
    if (error instanceof Throttled) return error
    throw error
  }
}

/** The 429 a form answers past a quota: Retry-After, the message over the form, and what was typed. */
async function throttledForm(response: Response) {
  expect(response.status).toBe(429)
  const body = await response.json()
  const result = 'result' in body ? body.result : body
  return {
    retryAfter: Number(response.headers.get('retry-after')),
    message: result.error[''][0] as string,
    typed: result.initialValue as Record<string, unknown>,
  }
}

const projectsOf = (clientId: string) => getDb().select().from(projects).where(eq(projects.clientId, clientId)).all()
const proposalsOf = (freelancerId: string) =>
  getDb().select().from(proposals).where(eq(proposals.freelancerId, freelancerId)).all()
const notificationsOf = (userId: string) =>
  getDb().select().from(notifications).where(eq(notifications.userId, userId)).all()

describe('per-account quotas on what reaches other people', () => {
  it('hold messages to 60 in 10 minutes and 500 in a day, saying when the next one can go', async () => {
    const client = await createTestUser('client')
    const start = new Date(Date.now() - 2 * DAY_MS)
    await spend('message', client, 60, start)
    const burst = await refusal('message', client, new Date(start.getTime() + 3 * MINUTE_MS))
    expect(burst?.retryAfterSeconds).toBe(7 * 60)
    expect(burst?.message).toBe(
      'You have sent 60 messages within 10 minutes, the most one account may. You can send again in 7 minutes.',
    )
    // 60 every 10 minutes for the rest of the day reaches 500 in the 9th window.
    for (let window = 1; window < 9; window++)
      await spend('message', client, window === 8 ? 20 : 60, new Date(start.getTime() + window * 10 * MINUTE_MS))
    const day = await refusal('message', client, new Date(start.getTime() + 90 * MINUTE_MS))
    expect(day?.message).toBe(
      'You have sent 500 messages within 24 hours, the most one account may. You can send again in 22 hours and 30 minutes.',
    )
    // The refused message counted nowhere: the next day there are 60 again in 10 minutes.
    const nextDay = new Date(start.getTime() + DAY_MS)
    await spend('message', client, 60, nextDay)
    expect(await refusal('message', client, nextDay)).toBeInstanceOf(Throttled)
  })

  it('hold projects to 10, proposals to 40 and invitations to 50 a day; admins are never held', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    await spend('project', client, 10)
    await spend('invitation', client, 50)
    await spend('proposal', freelancer, 40)
    expect((await refusal('project', client))?.message).toMatch(
      /^You have posted 10 projects within 24 hours, the most one account may\. You can post again in 2[34] hours/,
    )
    expect((await refusal('invitation', client))?.message).toMatch(/^You have sent 50 invitations within 24 hours/)
    expect((await refusal('proposal', freelancer))?.message).toMatch(/^You have sent 40 proposals within 24 hours/)
    // Each quota is its own: the client can still write messages.
    expect(await refusal('message', client)).toBeNull()

    const admin = await createTestUser('admin')
    for (const kind of ['message', 'project', 'proposal', 'invitation'] as const) await spend(kind, admin, 600)
    expect(await refusal('message', admin)).toBeNull()
  })
})

describe('a form past its quota', () => {
  it('posting a project: 429, nothing posted, the form as typed', async () => {
    const client = await createTestUser('client')
    await spend('project', client, 10)
    const form = {
      title: 'Translate our onboarding emails',
      description: 'Twelve onboarding emails from English into German, keeping our friendly tone.',
      skills: 'Translation, Copywriting',
      budgetType: 'fixed',
      amount: '300',
      currency: 'EUR',
      experienceLevel: 'intermediate',
      visibility: 'public',
    }
    const answer = await throttledForm(
      await run(newProjectAction, formRequest('/projects/new', form, await signedInCookie(client.id))),
    )
    expect(answer.retryAfter).toBeGreaterThan(23 * 3600)
    expect(answer.message).toMatch(/^You have posted 10 projects within 24 hours.*You can post again in 2[34] hours/)
    expect(answer.typed).toMatchObject({ title: form.title, description: form.description, amount: '300' })
    expect(projectsOf(client.id)).toEqual([])
  })

  it('sending a proposal: 429, nothing sent, the letter kept', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Booking page for a dental clinic',
        description: 'A booking page where patients choose a time and get a reminder by text message.',
        budgetType: 'fixed',
        budgetMinMinor: 50_000,
        budgetMaxMinor: 50_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
      },
      ['React'],
    )
    await spend('proposal', freelancer, 40)
    const letter = 'I built three booking systems for clinics last year and can start on Monday with a clear plan.'
    const response = await run(
      proposeAction,
      formRequest(
        `/projects/${projectId}/propose`,
        { coverLetter: letter, amount: '500', durationDays: '14' },
        await signedInCookie(freelancer.id),
      ),
      { projectId },
    )
    const answer = await throttledForm(response)
    expect(answer.message).toMatch(/^You have sent 40 proposals within 24 hours/)
    expect(answer.typed).toMatchObject({ coverLetter: letter, amount: '500', durationDays: '14' })
    expect(proposalsOf(freelancer.id)).toEqual([])
    expect(notificationsOf(client.id)).toEqual([])
  })

  it('editing a proposal: 50 saved changes a day, then 429, nothing changed or told, the letter kept', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Booking page for a dental clinic',
        description: 'A booking page where patients choose a time and get a reminder by text message.',
        budgetType: 'fixed',
        budgetMinMinor: 50_000,
        budgetMaxMinor: 50_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
      },
      ['React'],
    )
    const cookie = await signedInCookie(freelancer.id)
    const letter = 'I built three booking systems for clinics last year and can start on Monday with a clear plan.'
    const sent = await run(
      proposeAction,
      formRequest(`/projects/${projectId}/propose`, { coverLetter: letter, amount: '500', durationDays: '14' }, cookie),
      { projectId },
    )
    expect(sent.status).toBe(302)
    const [proposal] = proposalsOf(freelancer.id)
    const told = notificationsOf(client.id).length
    // Each save tells the client (by email too): one proposal, saved in a loop, filled their inbox.
    await spend('proposal-edit', freelancer, 50)
    const edited = `${letter} I can also send the reminders by email.`
    const response = await run(
      editProposalAction,
      formRequest(
        `/proposals/${proposal!.id}/edit`,
        { coverLetter: edited, amount: '450', durationDays: '10' },
        cookie,
      ),
      { proposalId: proposal!.id },
    )
    const answer = await throttledForm(response)
    expect(answer.message).toMatch(/^You have saved 50 changes to proposals within 24 hours/)
    expect(answer.retryAfter).toBeGreaterThan(0)
    expect(answer.typed).toMatchObject({ coverLetter: edited, amount: '450', durationDays: '10' })
    expect(proposalsOf(freelancer.id)).toMatchObject([{ coverLetter: letter, bidAmountMinor: 50_000 }])
    expect(notificationsOf(client.id)).toHaveLength(told)
  })

  it('adding milestones and setting weekly limits: 100 a day, then 429 at the form, nothing changed or told', async () => {
    // Each tells the freelancer (by email too), and nothing bounded a client doing it in a loop.
    const hourly = await createHourlyTestContract(20)
    const fixed = await hireBetweenNewUsers({ type: 'fixed', title: 'Logo design', amountMinor: 50_000 })
    for (const { client } of [hourly, fixed]) await spend('contract-change', client, 100)
    const toldBefore = [notificationsOf(hourly.freelancer.id).length, notificationsOf(fixed.freelancer.id).length]

    const limit = await run(
      hoursAction,
      formRequest(
        `/contracts/${hourly.contract.id}/hours`,
        { intent: 'set-limit', hours: '30' },
        await signedInCookie(hourly.client.id),
      ),
      { contractId: hourly.contract.id },
    )
    expect(limit.status).toBe(429)
    expect(Number(limit.headers.get('retry-after'))).toBeGreaterThan(0)
    const limitReply = (await limit.json()) as { form: { formId: string; reply: { error: Record<string, string[]> } } }
    expect(limitReply.form.formId).toBe('weekly-limit')
    expect(limitReply.form.reply.error.hours?.[0]).toMatch(/^You have made 100 changes to contracts/)
    const [unchanged] = getDb().select().from(contracts).where(eq(contracts.id, hourly.contract.id)).all()
    expect(unchanged).toMatchObject({ weeklyLimitHours: 20, nextWeeklyLimitHours: null })

    const before = getDb().select().from(milestones).where(eq(milestones.contractId, fixed.contract.id)).all()
    const added = await run(
      contractAction,
      formRequest(
        `/contracts/${fixed.contract.id}`,
        { intent: 'add-milestone', title: 'Extra icons', amount: '100' },
        await signedInCookie(fixed.client.id),
      ),
      { contractId: fixed.contract.id },
    )
    expect(added.status).toBe(429)
    const addedReply = (await added.json()) as {
      form: { reply: { error: Record<string, string[]>; initialValue: object } }
    }
    expect(addedReply.form.reply.error['']?.[0]).toMatch(/^You have made 100 changes to contracts/)
    expect(addedReply.form.reply.initialValue).toMatchObject({ title: 'Extra icons', amount: '100' })
    expect(getDb().select().from(milestones).where(eq(milestones.contractId, fixed.contract.id)).all()).toHaveLength(
      before.length,
    )
    expect([notificationsOf(hourly.freelancer.id).length, notificationsOf(fixed.freelancer.id).length]).toEqual(
      toldBefore,
    )
  })

  it('inviting, by email or from the recommendations: 429, nobody invited or told, the form kept', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Inventory dashboard',
        description: 'A dashboard for our warehouse stock levels with alerts.',
        budgetType: 'fixed',
        budgetMinMinor: 80_000,
        budgetMaxMinor: 80_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
      },
      ['React'],
    )
    await spend('invitation', client, 50)
    const cookie = await signedInCookie(client.id)
    const fields = { email: freelancer.email, message: 'You would be great for this.' }
    const answer = await throttledForm(
      await run(inviteAction, formRequest(`/projects/${projectId}/invite`, fields, cookie), { projectId }),
    )
    expect(answer.message).toMatch(/^You have sent 50 invitations within 24 hours/)
    expect(answer.typed).toMatchObject(fields)

    // "Invite <name>" beside a recommended freelancer: the one 429 page, with the same words.
    const button = await run(
      projectPageAction,
      formRequest(`/projects/${projectId}`, { intent: 'invite', freelancerId: freelancer.id }, cookie),
      { projectId },
    )
    expect(button.status).toBe(429)
    expect(Number(button.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await button.text()).toMatch(/^You have sent 50 invitations within 24 hours/)

    const invited = getDb().select().from(projectInvitations).where(eq(projectInvitations.projectId, projectId)).all()
    expect(invited).toEqual([])
    expect(notificationsOf(freelancer.id)).toEqual([])
  })

  it('sending a message, with or without JavaScript and with files: 429, nothing stored, the text kept', async () => {
    const { client, contract } = await hireBetweenNewUsers({
      type: 'fixed',
      title: 'Booking app contract',
      projectTitle: 'Build a booking app',
      amountMinor: 90_000,
    })
    const conversation = (await openConversationFor('contract', contract.id, client.id))!
    const params = { conversationId: conversation.id }
    const cookie = await signedInCookie(client.id)
    await spend('message', client, 60)
    const uploadsBefore = getDb().select().from(uploads).all().length

    for (const live of [false, true]) {
      const body = `Are we still on for Thursday? (${live ? 'with' : 'without'} JavaScript)`
      const fields = { body, ...(live ? { live: '1' } : {}) }
      const answer = await throttledForm(
        await run(conversationAction, formRequest(`/messages/${conversation.id}`, fields, cookie), params),
      )
      expect(answer.message).toMatch(
        /^You have sent 60 messages within 10 minutes.*You can send again in 10 minutes\.$/,
      )
      expect(answer.typed).toMatchObject({ body })
    }
    const form = new FormData()
    form.set('body', 'The spec, attached')
    form.append('files', new File(['Scope notes'], 'notes.txt', { type: 'text/plain' }))
    const withFile = new Request(`http://localhost/messages/${conversation.id}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    })
    expect((await throttledForm(await run(conversationAction, withFile, params))).typed).toMatchObject({
      body: 'The spec, attached',
    })

    expect(getDb().select().from(messages).where(eq(messages.conversationId, conversation.id)).all()).toEqual([])
    expect(getDb().select().from(uploads).all()).toHaveLength(uploadsBefore)
  })

  it('inviting someone into a call, from the page or the room: 429 under the field, nobody invited or told', async () => {
    const { client, contract } = await hireBetweenNewUsers({
      type: 'fixed',
      title: 'Call contract',
      projectTitle: 'Build a call app',
      amountMinor: 50_000,
    })
    const guest = await createTestUser('freelancer')
    const callId = await insertContractCall(contract)
    const cookie = await signedInCookie(client.id)
    await spend('invitation', client, 50)
    for (const live of [false, true]) {
      const fields = { intent: 'invite', email: guest.email, ...(live ? { live: '1' } : {}) }
      const response = await run(callPageAction, formRequest(`/calls/${callId}?index`, fields, cookie), { callId })
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      const result = await response.json()
      expect(result.error.email[0]).toMatch(/^You have sent 50 invitations within 24 hours/)
      expect(result.initialValue).toMatchObject({ email: guest.email })
    }
    expect(getDb().select().from(callGuests).where(eq(callGuests.callId, callId)).all()).toEqual([])
    expect(notificationsOf(guest.id)).toEqual([])
  })
})
