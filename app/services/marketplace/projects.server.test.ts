import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listNotifications } from '~/models/notifications.server'
import {
  findInvitation,
  findProject,
  listInvitationsOfFreelancer,
  listProjectsForAdmin,
} from '~/models/projects.server'
import { proposals } from '~/models/schema'
import { createTestUser, twoTestUsers } from '~/test/users'
import type { ProjectInput } from './project-schemas'
import {
  acceptInvitation,
  closeWithoutHire,
  declineInvitation,
  editProject,
  hideProject,
  inviteFreelancer,
  loadProjectPage,
  postProject,
  projectFormDefaults,
  reopen,
  requireVisibleProject,
  restoreProject,
} from './projects.server'
import { refusalResponse } from '~/http/outcome-response.server'
import { DomainError } from '~/services/domain-errors'

const INPUT: ProjectInput = {
  title: 'Inventory dashboard',
  description: 'A dashboard for our warehouse stock levels with alerts.',
  skills: ['React', 'PostgreSQL'],
  budgetType: 'fixed',
  budgetMinMinor: 80000,
  budgetMaxMinor: 80000,
  currency: 'EUR',
  deadline: null,
  experienceLevel: 'intermediate',
  visibility: 'public',
}

function ftsSkills(projectId: string): string | undefined {
  return getDb()
    .get<{ skills: string } | undefined>(
      sql`select skills from projects_fts where rowid = (select rowid from projects where id = ${projectId})`,
    )
    ?.skills.split(' ')
    .sort()
    .join(' ')
}

async function status(response: Promise<unknown>): Promise<number> {
  try {
    await response
    return 200
  } catch (error) {
    if (error instanceof DomainError) return refusalResponse(error).status
    throw error
  }
}

async function postedProject(overrides: Partial<ProjectInput> = {}) {
  const client = await createTestUser('client', { name: 'Cora Client' })
  const project = await findProject(await postProject(client, { ...INPUT, ...overrides }))
  if (!project) throw new Error('no project')
  return { client, project }
}

function insertProposal(
  projectId: string,
  freelancerId: string,
  proposalStatus: 'submitted' | 'withdrawn' = 'submitted',
) {
  const id = crypto.randomUUID()
  getDb()
    .insert(proposals)
    .values({
      id,
      projectId,
      freelancerId,
      coverLetter: 'I can do it.',
      bidType: 'fixed',
      bidAmountMinor: 70000,
      currency: 'EUR',
      durationDays: 10,
      status: proposalStatus,
    })
    .run()
  return id
}

describe('posting and editing', () => {
  it('stores the skills, keeps the search index in step and gives the edit form its values back', async () => {
    const { project } = await postedProject()
    expect(ftsSkills(project.id)).toBe('PostgreSQL React')
    expect(await projectFormDefaults(project)).toMatchObject({
      skills: 'PostgreSQL, React',
      amount: '800',
      currency: 'EUR',
    })
    await editProject(project, {
      ...INPUT,
      title: 'Inventory dashboard v2',
      skills: ['Vue.js', 'Kubernetes'],
      budgetType: 'hourly',
      budgetMinMinor: 3000,
      budgetMaxMinor: 4550,
    })
    expect(ftsSkills(project.id)).toBe('Kubernetes Vue.js')
    const edited = await findProject(project.id)
    expect(edited).toMatchObject({
      title: 'Inventory dashboard v2',
      budgetType: 'hourly',
      budgetMinMinor: 3000,
      budgetMaxMinor: 4550,
    })
    expect(await projectFormDefaults(edited!)).toMatchObject({ rateMin: '30', rateMax: '45.50', amount: undefined })
  })
})

describe('closing without a hire', () => {
  it('tells every applicant with an open proposal, then allows reopening once', async () => {
    const { project } = await postedProject()
    const [applicant, withdrawn] = await twoTestUsers('freelancer')
    const proposalId = insertProposal(project.id, applicant.id)
    insertProposal(project.id, withdrawn.id, 'withdrawn')

    expect(await closeWithoutHire(project)).toBe(1)
    const proposal = getDb().select().from(proposals).where(eq(proposals.id, proposalId)).get()
    expect(proposal?.status).toBe('not_hired')
    const [note] = await listNotifications(applicant.id, { limit: 5, offset: 0 })
    expect(note).toMatchObject({
      kind: 'proposal_update',
      title: '“Inventory dashboard” was closed without a hire',
      link: `/proposals/${proposalId}`,
    })
    expect(await listNotifications(withdrawn.id, { limit: 5, offset: 0 })).toEqual([])

    const closed = (await findProject(project.id))!
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'no_hire' })
    expect(await status(closeWithoutHire(closed))).toBe(409)
    expect(await status(editProject(closed, INPUT))).toBe(409)
    await reopen(closed)
    const reopened = (await findProject(project.id))!
    expect(reopened).toMatchObject({ status: 'open', closeReason: null, closedAt: null })
    expect(await status(reopen(reopened))).toBe(409)
  })
})

describe('invitations', () => {
  it('reach only a freelancer who can take them, once; the owner sees them by name only when answered', async () => {
    const { client, project } = await postedProject({ visibility: 'invite_only' })
    const freelancer = await createTestUser('freelancer', { name: 'Fred Freelancer' })
    const outsider = await createTestUser('freelancer')
    const otherClient = await createTestUser('client')
    expect(await status(requireVisibleProject(project.id, freelancer))).toBe(404)

    await (
      await inviteFreelancer(project, { email: 'nobody@test.example' }, client)
    ).emailSent
    await (
      await inviteFreelancer(project, { email: otherClient.email }, client)
    ).emailSent
    expect(await listNotifications(otherClient.id, { limit: 5, offset: 0 })).toEqual([])
    await (
      await inviteFreelancer(project, { email: freelancer.email, message: 'You would be great.' }, client)
    ).emailSent
    await (
      await inviteFreelancer(project, { email: freelancer.email, message: 'Again' }, client)
    ).emailSent
    expect(await listNotifications(freelancer.id, { limit: 5, offset: 0 })).toHaveLength(1)
    expect((await loadProjectPage(project, client)).invitations).toEqual([])
    const [note] = await listNotifications(freelancer.id, { limit: 5, offset: 0 })
    expect(note).toMatchObject({
      kind: 'project_invitation',
      body: 'You would be great.',
      link: `/projects/${project.id}`,
    })

    expect(await status(requireVisibleProject(project.id, freelancer))).toBe(200)
    expect(await status(requireVisibleProject(project.id, outsider))).toBe(404)
    const page = await loadProjectPage(project, freelancer)
    expect(page).toMatchObject({
      isOwner: false,
      myProposal: null,
      myInvitation: { status: 'pending' },
      proposalCounts: null,
      invitations: [],
    })

    const invitation = (await findInvitation(project.id, freelancer.id))!
    expect(await status(declineInvitation(invitation.id, outsider))).toBe(404)
    await declineInvitation(invitation.id, freelancer, 'Fully booked this month.')
    expect(await status(declineInvitation(invitation.id, freelancer))).toBe(409)
    const [declined] = await listNotifications(client.id, { limit: 5, offset: 0 })
    expect(declined).toMatchObject({
      title: 'Fred Freelancer declined your invitation to “Inventory dashboard”',
      body: 'Their reason: Fully booked this month.',
    })
    expect((await loadProjectPage(project, client)).invitations).toEqual([
      expect.objectContaining({ freelancerName: 'Fred Freelancer', status: 'declined' }),
    ])
  })

  it('count as accepted when the freelancer clicks accept or has sent a proposal', async () => {
    const { client, project } = await postedProject()
    const [first, second] = await twoTestUsers('freelancer')
    await (
      await inviteFreelancer(project, { email: first.email }, client)
    ).emailSent
    await (
      await inviteFreelancer(project, { email: second.email }, client)
    ).emailSent
    await acceptInvitation((await findInvitation(project.id, first.id))!.id, first)
    expect((await findInvitation(project.id, first.id))?.status).toBe('accepted')
    const proposalId = insertProposal(project.id, second.id)
    const page = await loadProjectPage(project, second)
    expect(page.myProposal).toEqual({ id: proposalId, status: 'submitted' })
    expect((await listInvitationsOfFreelancer(second.id))[0]?.status).toBe('accepted')
  })
})

describe('moderation', () => {
  it('hides a project from freelancers, tells the owner why, and restores it', async () => {
    const { client, project } = await postedProject({ title: 'Moderated listing for review' })
    const freelancer = await createTestUser('freelancer')
    const admin = await createTestUser('admin')
    await hideProject(project, 'Asks for payment outside the platform.')
    const hidden = (await findProject(project.id))!
    expect(await status(requireVisibleProject(project.id, freelancer))).toBe(404)
    expect(await status(requireVisibleProject(project.id, admin))).toBe(200)
    expect((await loadProjectPage(hidden, client)).project.hiddenReason).toBe('Asks for payment outside the platform.')
    const [note] = await listNotifications(client.id, { limit: 5, offset: 0 })
    expect(note?.body).toBe('Reason: Asks for payment outside the platform.')
    const { rows } = await listProjectsForAdmin({ query: 'Moderated listing', state: 'hidden', page: 1, pageSize: 10 })
    expect(rows.map((row) => row.id)).toEqual([project.id])
    await restoreProject(hidden)
    expect(await status(requireVisibleProject(project.id, freelancer))).toBe(200)
    expect(
      (await listProjectsForAdmin({ query: 'Moderated listing', state: 'hidden', page: 1, pageSize: 10 })).total,
    ).toBe(0)
  })
})
