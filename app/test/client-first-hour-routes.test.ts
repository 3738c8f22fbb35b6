import { describe, expect, it } from 'vitest'
import { updateClientProfile } from '~/models/profiles.server'
import { insertProposal } from '~/models/proposals.server'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { action as proposalAction, loader as proposalLoader } from '~/routes/_portal.proposals.$proposalId'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const FORM = {
  title: 'Online ordering page for our bakery',
  description: 'A simple ordering page for our three bakeries: menu, basket, pick-up time and card payment.',
  skills: 'React, TypeScript',
  budgetType: 'fixed',
  amount: '1500',
  currency: 'USD',
  experienceLevel: 'intermediate',
  visibility: 'public',
}

async function clientWithProject() {
  const client = await createTestUser('client')
  const freelancer = await createTestUser('freelancer')
  const cookies = { client: await signedInCookie(client.id), freelancer: await signedInCookie(freelancer.id) }
  const posted = await run(newProjectAction, formRequest('/projects/new', FORM, cookies.client))
  const projectId = posted.headers.get('location')!.split('/').pop()!
  return { client, freelancer, cookies, projectId }
}

type ProposalPage = { fee: { percent: number; feeMinor: number; netMinor: number } | null; success: unknown }

describe('a new client’s first hour', () => {
  it('shows the client the fee on a bid while choosing, and neither fee nor estimate once it is decided', async () => {
    const { freelancer, cookies, projectId } = await clientWithProject()
    const proposal = await insertProposal({
      projectId,
      freelancerId: freelancer.id,
      coverLetter: 'I have built three ordering sites for cafés.',
      bidType: 'fixed',
      bidAmountMinor: 1400_00,
      currency: 'USD',
      durationDays: 21,
      milestones: [],
      now: new Date(),
    })
    const page = async (cookie: string) =>
      (await (
        await run(proposalLoader, getRequest(`/proposals/${proposal.id}`, cookie), { proposalId: proposal.id })
      ).json()) as ProposalPage
    const choosing = await page(cookies.client)
    expect(choosing.fee).toEqual({ percent: 10, feeMinor: 140_00, netMinor: 1260_00 })
    expect(choosing.success).toMatchObject({ shown: false, why: expect.stringContaining('200 ended contracts') })
    expect((await page(cookies.freelancer)).fee).toBeNull()

    const declined = await run(
      proposalAction,
      formRequest(
        `/proposals/${proposal.id}`,
        { intent: 'decline', reason: 'We chose a local studio.' },
        cookies.client,
      ),
      { proposalId: proposal.id },
    )
    expect(declined.status).toBe(302)
    const decided = await page(cookies.client)
    expect(decided.fee).toBeNull()
    expect(decided.success).toBeNull()
  })

  it('names the client’s company on their project page, as the settings page promises', async () => {
    const { client, cookies, projectId } = await clientWithProject()
    type ProjectPage = { client: { name: string; company: string | null } }
    const page = async (cookie?: string) =>
      (
        (await (
          await run(projectLoader, getRequest(`/projects/${projectId}`, cookie), { projectId })
        ).json()) as ProjectPage
      ).client
    expect((await page(cookies.freelancer)).company).toBeNull()
    await updateClientProfile(client.id, { company: 'Kettle & Crumb Bakery' })
    expect(await page(cookies.freelancer)).toMatchObject({ name: client.name, company: 'Kettle & Crumb Bakery' })
    expect((await page()).company).toBe('Kettle & Crumb Bakery')
  })
})
