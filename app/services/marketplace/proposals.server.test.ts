import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listNotifications } from '~/models/notifications.server'
import { listContractActivity } from '~/models/contracts.server'
import {
  acceptProposal,
  findInvitation,
  findProject,
  findProposal,
  listProposalMilestones,
  updateSubmittedProposal,
} from '~/models/proposals.server'
import { contracts, milestones, projectInvitations, projects, proposals } from '~/models/schema'
import { action as proposeAction, loader as proposeLoader } from '~/routes/_portal.projects_.$projectId_.propose'
import { action as editAction, loader as editLoader } from '~/routes/_portal.proposals.$proposalId_.edit'
import { loader as projectProposalsLoader } from '~/routes/_portal.projects_.$projectId_.proposals'
import { action as proposalAction, loader as proposalLoader } from '~/routes/_portal.proposals.$proposalId'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

type ProjectOptions = {
  budgetType?: 'fixed' | 'hourly'
  visibility?: 'public' | 'invite_only'
  hidden?: boolean
  currency?: string
}

async function openProject(options: ProjectOptions = {}) {
  const client = await createTestUser('client', { name: 'Clara Client' })
  const id = crypto.randomUUID()
  const budgetType = options.budgetType ?? 'fixed'
  getDb()
    .insert(projects)
    .values({
      id,
      clientId: client.id,
      title: 'Build a booking site',
      description: 'A site where customers book appointments.',
      budgetType,
      budgetMinMinor: budgetType === 'fixed' ? 100_000 : 3000,
      budgetMaxMinor: budgetType === 'fixed' ? 100_000 : 6000,
      currency: options.currency ?? 'USD',
      experienceLevel: 'intermediate',
      visibility: options.visibility ?? 'public',
      hiddenAt: options.hidden ? new Date() : null,
    })
    .run()
  return { client, clientCookie: await signedInCookie(client.id), projectId: id }
}

const letter = 'I have built three booking systems like this one and can start on Monday next week.'

async function propose(projectId: string, fields: Record<string, string>, name = 'Test freelancer') {
  const freelancer = await createTestUser('freelancer', { name })
  const cookie = await signedInCookie(freelancer.id)
  const response = await run(
    proposeAction,
    formRequest(`/projects/${projectId}/propose`, { coverLetter: letter, durationDays: '30', ...fields }, cookie),
    {
      projectId,
    },
  )
  return {
    freelancer,
    cookie,
    response,
    proposalId: response.headers.get('location')?.replace('/proposals/', '') ?? '',
  }
}

/** The client accepts the first revision of a proposal, as its page's button does. */
function acceptFirstRevision(proposalId: string, cookie: string) {
  return run(proposalAction, formRequest(`/proposals/${proposalId}`, { intent: 'accept', revision: '1' }, cookie), {
    proposalId,
  })
}

function proposalRow(id: string) {
  return getDb().select().from(proposals).where(eq(proposals.id, id)).get()
}

describe('sending a proposal', () => {
  it('stores the bid with its milestones, tells the client, and refuses a second one', async () => {
    const { projectId, client } = await openProject()
    const sent = await propose(projectId, {
      amount: '1000',
      'milestones[0].title': 'Design',
      'milestones[0].amount': '400',
      'milestones[0].dueDate': '2026-12-15',
      'milestones[1].title': '',
      'milestones[1].amount': '',
      'milestones[2].title': 'Build',
      'milestones[2].amount': '600',
    })
    expect(sent.response.status).toBe(302)
    expect(proposalRow(sent.proposalId)).toMatchObject({
      bidType: 'fixed',
      bidAmountMinor: 100_000,
      currency: 'USD',
      durationDays: 30,
      status: 'submitted',
    })
    const [note] = await listNotifications(client.id, { limit: 1, offset: 0 })
    expect(note).toMatchObject({ kind: 'proposal_received', link: `/proposals/${sent.proposalId}` })

    const again = await run(proposeLoader, getRequest(`/projects/${projectId}/propose`, sent.cookie), { projectId })
    expect(again.status).toBe(302)
    expect(again.headers.get('location')).toBe(`/proposals/${sent.proposalId}`)
  })

  it('answers 400 with the values kept when milestones do not add up', async () => {
    const { projectId } = await openProject()
    const { response } = await propose(projectId, {
      amount: '1000',
      'milestones[0].title': 'Design',
      'milestones[0].amount': '400',
    })
    expect(response.status).toBe(400)
    const { result: reply } = (await response.json()) as {
      result: { error: Record<string, string[]>; initialValue: { coverLetter: string } }
    }
    expect(reply.error.milestones?.[0]).toMatch(/add up to \$400 but your price is \$1,000/)
    expect(reply.initialValue.coverLetter).toBe(letter)
  })

  it('is for freelancers who can see the open project', async () => {
    const { projectId, clientCookie } = await openProject()
    expect(
      (await run(proposeLoader, getRequest(`/projects/${projectId}/propose`, clientCookie), { projectId })).status,
    ).toBe(403)
    const hidden = await openProject({ hidden: true })
    expect((await propose(hidden.projectId, { amount: '1000' })).response.status).toBe(404)
    const invited = await openProject({ visibility: 'invite_only' })
    expect((await propose(invited.projectId, { amount: '1000' })).response.status).toBe(404)

    const guest = await createTestUser('freelancer')
    getDb()
      .insert(projectInvitations)
      .values({ id: crypto.randomUUID(), projectId: invited.projectId, freelancerId: guest.id })
      .run()
    const response = await run(
      proposeAction,
      formRequest(
        `/projects/${invited.projectId}/propose`,
        { coverLetter: letter, amount: '999', durationDays: '10' },
        await signedInCookie(guest.id),
      ),
      { projectId: invited.projectId },
    )
    expect(response.status).toBe(302)
    const invitation = await findInvitation(invited.projectId, guest.id)
    expect(invitation?.status).toBe('accepted')
  })

  it('offers another milestone row without JavaScript', async () => {
    const { projectId } = await openProject()
    const intent = JSON.stringify({
      type: 'insert',
      payload: { name: 'milestones', defaultValue: { title: '', amount: '', dueDate: '' } },
    })
    const { response } = await propose(projectId, {
      amount: '1000',
      'milestones[0].title': 'Design',
      'milestones[0].amount': '1000',
      'milestones[1].title': '',
      'milestones[2].title': '',
      __intent__: intent,
    })
    expect(response.status).toBe(200)
    const { result: reply } = (await response.json()) as { result: { initialValue: { milestones: unknown[] } } }
    expect(reply.initialValue.milestones).toHaveLength(4)
    expect(getDb().select().from(proposals).where(eq(proposals.projectId, projectId)).all()).toEqual([])
  })
})

describe('editing a proposal', () => {
  it('rewrites the terms and milestones while submitted, for its freelancer only', async () => {
    const { projectId, clientCookie } = await openProject()
    const sent = await propose(projectId, {
      amount: '1000',
      'milestones[0].title': 'All of it',
      'milestones[0].amount': '1000',
    })
    const params = { proposalId: sent.proposalId }
    const path = `/proposals/${sent.proposalId}/edit`
    expect((await run(editLoader, getRequest(path, clientCookie), params)).status).toBe(404)
    const form = await run(editLoader, getRequest(path, sent.cookie), params)
    expect(await form.json()).toMatchObject({
      defaults: {
        amount: '1000',
        durationDays: '30',
        milestones: [{ title: 'All of it', amount: '1000', dueDate: '' }],
      },
    })

    const edited = await run(
      editAction,
      formRequest(
        path,
        {
          coverLetter: letter,
          amount: '1200',
          durationDays: '20',
          'milestones[0].title': 'Half',
          'milestones[0].amount': '600',
          'milestones[1].title': 'Rest',
          'milestones[1].amount': '600',
        },
        sent.cookie,
      ),
      params,
    )
    expect(edited.status).toBe(302)
    expect(proposalRow(sent.proposalId)).toMatchObject({ bidAmountMinor: 120_000, durationDays: 20 })
    const rows = await listProposalMilestones(sent.proposalId)
    expect(rows.map((row) => [row.position, row.title, row.amountMinor])).toEqual([
      [1, 'Half', 60_000],
      [2, 'Rest', 60_000],
    ])

    await run(proposalAction, formRequest(`/proposals/${sent.proposalId}`, { intent: 'withdraw' }, sent.cookie), params)
    const late = await run(editLoader, getRequest(path, sent.cookie), params)
    expect(late.status).toBe(409)
    expect(await late.text()).toMatch(/it is withdrawn/)
  })
})

describe('the client and the proposal', () => {
  it('records the first view, shows the proposal only to the two sides, and declines with a reason', async () => {
    const { projectId, clientCookie } = await openProject()
    const sent = await propose(projectId, { amount: '1000' })
    const params = { proposalId: sent.proposalId }
    const stranger = await signedInCookie((await createTestUser('freelancer')).id)
    expect((await run(proposalLoader, getRequest(`/proposals/${sent.proposalId}`, stranger), params)).status).toBe(404)
    expect(proposalRow(sent.proposalId)?.viewedAt).toBeNull()
    await run(proposalLoader, getRequest(`/proposals/${sent.proposalId}`, sent.cookie), params)
    expect(proposalRow(sent.proposalId)?.viewedAt).toBeNull()
    await run(proposalLoader, getRequest(`/proposals/${sent.proposalId}`, clientCookie), params)
    expect(proposalRow(sent.proposalId)?.viewedAt).toBeInstanceOf(Date)

    const listed = await run(projectProposalsLoader, getRequest(`/projects/${projectId}/proposals`, stranger), {
      projectId,
    })
    expect(listed.status).toBe(404)

    const tooShort = await run(
      proposalAction,
      formRequest(`/proposals/${sent.proposalId}`, { intent: 'decline', reason: 'No' }, clientCookie),
      params,
    )
    expect(tooShort.status).toBe(400)
    const reason = 'We picked someone with more booking experience.'
    const declined = await run(
      proposalAction,
      formRequest(`/proposals/${sent.proposalId}`, { intent: 'decline', reason }, clientCookie),
      params,
    )
    expect(declined.status).toBe(302)
    expect(proposalRow(sent.proposalId)).toMatchObject({ status: 'declined', declineReason: reason })
    const [note] = await listNotifications(sent.freelancer.id, { limit: 1, offset: 0 })
    expect(note).toMatchObject({ kind: 'proposal_update', body: reason })
    const withdraw = await run(
      proposalAction,
      formRequest(`/proposals/${sent.proposalId}`, { intent: 'withdraw' }, sent.cookie),
      params,
    )
    expect(withdraw.status).toBe(409)
    expect(await withdraw.text()).toMatch(/it is declined, and nothing more can be done/)
  })
})

describe('accepting a proposal', () => {
  it('starts the contract with the milestones, closes the project and tells the others, all at once', async () => {
    const { projectId, client, clientCookie } = await openProject()
    const chosen = await propose(projectId, {
      amount: '1000.50',
      'milestones[0].title': 'Design',
      'milestones[0].amount': '400.50',
      'milestones[0].dueDate': '2026-12-15',
      'milestones[1].title': 'Build',
      'milestones[1].amount': '600',
    })
    const other = await propose(projectId, { amount: '900' })
    const withdrawn = await propose(projectId, { amount: '800' })
    await run(
      proposalAction,
      formRequest(`/proposals/${withdrawn.proposalId}`, { intent: 'withdraw' }, withdrawn.cookie),
      { proposalId: withdrawn.proposalId },
    )

    // The freelancer cannot accept their own proposal.
    const byFreelancer = await acceptFirstRevision(chosen.proposalId, chosen.cookie)
    expect(byFreelancer.status).toBe(403)

    const accepted = await acceptFirstRevision(chosen.proposalId, clientCookie)
    expect(accepted.status).toBe(302)
    const db = getDb()
    const contract = db.select().from(contracts).where(eq(contracts.proposalId, chosen.proposalId)).get()
    expect(accepted.headers.get('location')).toBe(`/contracts/${contract?.id}`)
    expect(contract).toMatchObject({
      projectId,
      clientId: client.id,
      freelancerId: chosen.freelancer.id,
      title: 'Build a booking site',
      type: 'fixed',
      currency: 'USD',
      hourlyRateMinor: null,
      status: 'active',
    })
    const rows = db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, contract!.id))
      .orderBy(asc(milestones.position))
      .all()
    expect(
      rows.map(({ position, title, amountMinor, dueDate, status }) => ({
        position,
        title,
        amountMinor,
        dueDate,
        status,
      })),
    ).toEqual([
      {
        position: 1,
        title: 'Design',
        amountMinor: 40_050,
        dueDate: new Date('2026-12-15T00:00:00Z'),
        status: 'pending',
      },
      { position: 2, title: 'Build', amountMinor: 60_000, dueDate: null, status: 'pending' },
    ])
    expect(await findProject(projectId)).toMatchObject({
      status: 'closed',
      closeReason: 'hired',
    })
    expect(proposalRow(chosen.proposalId)).toMatchObject({ status: 'accepted' })
    expect(proposalRow(chosen.proposalId)?.decidedAt).toBeInstanceOf(Date)
    expect(proposalRow(other.proposalId)?.status).toBe('not_hired')
    expect(proposalRow(withdrawn.proposalId)?.status).toBe('withdrawn')
    expect(await listContractActivity(contract!.id)).toMatchObject([
      { kind: 'contract.started', actorName: client.name },
    ])

    const [hired] = await listNotifications(chosen.freelancer.id, { limit: 1, offset: 0 })
    expect(hired).toMatchObject({ kind: 'contract_update', link: `/contracts/${contract!.id}` })
    const [notHired] = await listNotifications(other.freelancer.id, { limit: 1, offset: 0 })
    expect(notHired).toMatchObject({ kind: 'proposal_update', link: `/proposals/${other.proposalId}` })
    expect(
      (await listNotifications(withdrawn.freelancer.id, { limit: 5, offset: 0 })).map((n) => n.kind),
    ).not.toContain('proposal_update')

    // Accepting again, or accepting another proposal of the closed project: 409, nothing changes.
    const again = await acceptFirstRevision(chosen.proposalId, clientCookie)
    expect(again.status).toBe(409)
    expect(await again.text()).toBe(
      'You cannot accept this proposal: it is accepted, and nothing more can be done with it.',
    )
    const otherAccept = await acceptFirstRevision(other.proposalId, clientCookie)
    expect(otherAccept.status).toBe(409)
    expect(db.select().from(contracts).where(eq(contracts.projectId, projectId)).all()).toHaveLength(1)
  })

  it('gives an hourly contract the rate and a weekly limit, and a fixed one without milestones one for the whole price', async () => {
    const hourly = await openProject({ budgetType: 'hourly' })
    const rate = await propose(hourly.projectId, { amount: '45' })
    await acceptFirstRevision(rate.proposalId, hourly.clientCookie)
    const hourlyContract = getDb().select().from(contracts).where(eq(contracts.proposalId, rate.proposalId)).get()
    expect(hourlyContract).toMatchObject({ type: 'hourly', hourlyRateMinor: 4500, weeklyLimitHours: 40 })
    expect(getDb().select().from(milestones).where(eq(milestones.contractId, hourlyContract!.id)).all()).toEqual([])

    const fixed = await openProject({ currency: 'EUR' })
    const whole = await propose(fixed.projectId, { amount: '750' })
    await acceptFirstRevision(whole.proposalId, fixed.clientCookie)
    const fixedContract = getDb().select().from(contracts).where(eq(contracts.proposalId, whole.proposalId)).get()
    expect(fixedContract).toMatchObject({ type: 'fixed', currency: 'EUR' })
    const rows = getDb().select().from(milestones).where(eq(milestones.contractId, fixedContract!.id)).all()
    expect(rows).toMatchObject([{ position: 1, title: 'Complete the project', amountMinor: 75_000 }])
  })
})

describe('accepting terms that changed meanwhile', () => {
  it('refuses the revision the client read once the freelancer edited it, and hires at the new bid with the new one', async () => {
    const { projectId, clientCookie } = await openProject()
    const sent = await propose(projectId, { amount: '1000' }, 'Felix Freelancer')
    const params = { proposalId: sent.proposalId }
    const path = `/proposals/${sent.proposalId}`

    // The client's page carries the revision it shows.
    const page = (await (await run(proposalLoader, getRequest(path, clientCookie), params)).json()) as {
      proposal: { revision: number }
    }
    const seen = String(page.proposal.revision)

    // Meanwhile the freelancer raises the price.
    const edit = { coverLetter: letter, amount: '1500', durationDays: '30' }
    expect((await run(editAction, formRequest(`${path}/edit`, edit, sent.cookie), params)).status).toBe(302)

    const refused = await run(
      proposalAction,
      formRequest(path, { intent: 'accept', revision: seen }, clientCookie),
      params,
    )
    expect(refused.status).toBe(409)
    expect(await refused.json()).toEqual({
      changedTerms: 'Felix Freelancer changed this proposal: new bid $1,500 fixed price. Review and accept again.',
    })
    expect(getDb().select().from(contracts).where(eq(contracts.proposalId, sent.proposalId)).all()).toEqual([])
    expect(proposalRow(sent.proposalId)).toMatchObject({ status: 'submitted' })
    expect(await findProject(projectId)).toMatchObject({ status: 'open' })

    // Without a revision nothing is accepted either.
    expect((await run(proposalAction, formRequest(path, { intent: 'accept' }, clientCookie), params)).status).toBe(400)

    // The page again shows the new terms with their revision; accepting those hires at the new bid.
    const reread = (await (await run(proposalLoader, getRequest(path, clientCookie), params)).json()) as {
      proposal: { revision: number; bidAmountMinor: number }
    }
    expect(reread.proposal.bidAmountMinor).toBe(150_000)
    const accepted = await run(
      proposalAction,
      formRequest(path, { intent: 'accept', revision: String(reread.proposal.revision) }, clientCookie),
      params,
    )
    expect(accepted.status).toBe(302)
    const contract = getDb().select().from(contracts).where(eq(contracts.proposalId, sent.proposalId)).get()
    expect(getDb().select().from(milestones).where(eq(milestones.contractId, contract!.id)).all()).toMatchObject([
      { amountMinor: 150_000 },
    ])
  })

  it('holds in the database too: an edit between the check and the write leaves nothing accepted', async () => {
    const { projectId, client } = await openProject()
    const sent = await propose(projectId, { amount: '1000' }, 'Felix Freelancer')
    const found = await findProposal(sent.proposalId)
    // The edit lands after the service read the proposal (revision 1) but before the transaction.
    await updateSubmittedProposal(sent.proposalId, {
      coverLetter: letter,
      bidAmountMinor: 90_000,
      durationDays: 30,
      milestones: [],
      now: new Date(),
    })
    const outcome = await acceptProposal({
      proposalId: found!.proposal.id,
      revision: found!.proposal.revision,
      actorId: client.id,
      weeklyLimitHours: 40,
      wholeProjectMilestoneTitle: 'Complete the project',
      activityDetail: 'accepted',
      now: new Date(),
    })
    expect(outcome).toEqual({
      ok: false,
      reason: 'changed',
      current: { bidType: 'fixed', bidAmountMinor: 90_000, currency: 'USD', revision: 2 },
    })
    expect(getDb().select().from(contracts).where(eq(contracts.proposalId, sent.proposalId)).all()).toEqual([])
    expect(proposalRow(sent.proposalId)).toMatchObject({ status: 'submitted', revision: 2 })
  })
})
