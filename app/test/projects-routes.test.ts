import { describe, expect, it } from 'vitest'
import { findProject, insertProjects } from '~/models/projects.server'
import { action as adminProjectsAction, loader as adminProjectsLoader } from '~/routes/_portal.admin.projects'
import { loader as clientProjectsLoader } from '~/routes/_portal.client.projects'
import { action as invitationsAction, loader as invitationsLoader } from '~/routes/_portal.freelancer.invitations'
import { action as projectAction, loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { action as editAction, loader as editLoader } from '~/routes/_portal.projects_.$projectId.edit'
import { action as inviteAction } from '~/routes/_portal.projects_.$projectId.invite'
import { action as newProjectAction, loader as newProjectLoader } from '~/routes/_portal.projects_.new'
import { popToast } from '~/http/toast.server'
import { closeSubmittedProposal, insertProposal } from '~/models/proposals.server'
import { loader as proposalLoader } from '~/routes/_portal.proposals.$proposalId'
import { cookiesFrom, formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie, twoTestUsers } from './users'

const FORM = {
  title: 'Translate our onboarding emails',
  description: 'Twelve onboarding emails from English into German, keeping our friendly tone.',
  skills: 'Translation, Copywriting',
  budgetType: 'fixed',
  amount: '300',
  currency: 'EUR',
  experienceLevel: 'intermediate',
  visibility: 'public',
}

async function people() {
  const [client, otherClient] = await twoTestUsers('client')
  const freelancer = await createTestUser('freelancer')
  const admin = await createTestUser('admin')
  return {
    client,
    freelancer,
    cookies: {
      client: await signedInCookie(client.id),
      otherClient: await signedInCookie(otherClient.id),
      freelancer: await signedInCookie(freelancer.id),
      admin: await signedInCookie(admin.id, { secondFactorAt: new Date() }),
    },
  }
}

describe('project routes', () => {
  it('let only clients post; bad input is a 400 naming the unknown skill', async () => {
    const { cookies } = await people()
    expect((await run(newProjectLoader, getRequest('/projects/new', cookies.freelancer))).status).toBe(403)
    expect((await run(newProjectAction, formRequest('/projects/new', FORM, cookies.freelancer))).status).toBe(403)
    const bad = await run(
      newProjectAction,
      formRequest('/projects/new', { ...FORM, skills: 'Translation, Klingonese' }, cookies.client),
    )
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Klingonese')
    const posted = await run(newProjectAction, formRequest('/projects/new', FORM, cookies.client))
    expect(posted.status).toBe(302)
    expect(posted.headers.get('location')).toMatch(/^\/projects\/[0-9a-f-]{36}$/)
  })

  it('answer 404 to owner-only actions by anyone else, and 409 to a change the state does not allow', async () => {
    const { cookies } = await people()
    const posted = await run(newProjectAction, formRequest('/projects/new', FORM, cookies.client))
    const projectId = posted.headers.get('location')!.split('/')[2]!
    const params = { projectId }
    for (const cookie of [cookies.otherClient, cookies.freelancer, cookies.admin]) {
      expect((await run(editLoader, getRequest(`/projects/${projectId}/edit`, cookie), params)).status).toBe(404)
      expect((await run(editAction, formRequest(`/projects/${projectId}/edit`, FORM, cookie), params)).status).toBe(404)
      expect(
        (await run(projectAction, formRequest(`/projects/${projectId}`, { intent: 'close' }, cookie), params)).status,
      ).toBe(404)
      expect(
        (
          await run(
            inviteAction,
            formRequest(`/projects/${projectId}/invite`, { email: 'x@test.example' }, cookie),
            params,
          )
        ).status,
      ).toBe(404)
    }
    expect((await run(projectLoader, getRequest(`/projects/${projectId}`, cookies.freelancer), params)).status).toBe(
      200,
    )
    expect(
      (await run(projectAction, formRequest(`/projects/${projectId}`, { intent: 'reopen' }, cookies.client), params))
        .status,
    ).toBe(409)
    expect(
      (await run(projectAction, formRequest(`/projects/${projectId}`, { intent: 'close' }, cookies.client), params))
        .status,
    ).toBe(302)
    expect((await findProject(projectId))?.closeReason).toBe('no_hire')
    const closedEdit = await run(editLoader, getRequest(`/projects/${projectId}/edit`, cookies.client), params)
    expect(closedEdit.status).toBe(409)
    expect(await closedEdit.text()).toContain('What you can do now: reopen.')
    expect((await run(projectLoader, getRequest('/projects/nope', cookies.client), { projectId: 'nope' })).status).toBe(
      404,
    )
  })

  it('answer an invitation the same whether the address is a freelancer’s, a client’s or nobody’s', async () => {
    const { freelancer, cookies } = await people()
    const otherClient = await createTestUser('client')
    const posted = await run(newProjectAction, formRequest('/projects/new', FORM, cookies.client))
    const projectId = posted.headers.get('location')!.split('/')[2]!
    const params = { projectId }
    const invite = async (email: string) => {
      const response = await run(
        inviteAction,
        formRequest(`/projects/${projectId}/invite`, { email, message: 'A good fit' }, cookies.client),
        params,
      )
      const { toast } = await popToast(getRequest('/', cookiesFrom(response)))
      return {
        status: response.status,
        location: response.headers.get('location'),
        kind: toast?.kind,
        message: toast?.message,
        body: await response.text(),
      }
    }
    const answers = [
      await invite(freelancer.email),
      await invite(otherClient.email),
      await invite(`nobody-${crypto.randomUUID()}@test.example`),
      await invite(freelancer.email),
    ]
    expect(answers[0]).toEqual({
      status: 302,
      location: `/projects/${projectId}`,
      kind: 'success',
      message: expect.stringContaining('If there is a freelancer with that address'),
      body: '',
    })
    for (const answer of answers) expect(answer).toEqual(answers[0])
    // Neither the answer nor the project page names whom the address belongs to.
    const page = await (await run(projectLoader, getRequest(`/projects/${projectId}`, cookies.client), params)).text()
    expect(page).not.toContain(freelancer.id)
  })

  it('keep the lists and moderation to their roles', async () => {
    const { cookies } = await people()
    expect((await run(clientProjectsLoader, getRequest('/client/projects', cookies.freelancer))).status).toBe(403)
    expect((await run(invitationsLoader, getRequest('/freelancer/invitations', cookies.client))).status).toBe(403)
    expect((await run(adminProjectsLoader, getRequest('/admin/projects', cookies.client))).status).toBe(403)
    const posted = await run(newProjectAction, formRequest('/projects/new', FORM, cookies.client))
    const projectId = posted.headers.get('location')!.split('/')[2]!
    expect(
      (
        await run(
          adminProjectsAction,
          formRequest('/admin/projects', { intent: 'hide', projectId, reason: 'Spam listing here' }, cookies.client),
        )
      ).status,
    ).toBe(403)
    const noReason = await run(
      adminProjectsAction,
      formRequest('/admin/projects', { intent: 'hide', projectId, reason: 'short' }, cookies.admin),
    )
    expect(noReason.status).toBe(400)
    const hidden = await run(
      adminProjectsAction,
      formRequest(
        '/admin/projects',
        { intent: 'hide', projectId, reason: 'Spam listing, same text posted 40 times.' },
        cookies.admin,
      ),
    )
    expect(hidden.status).toBe(302)
    expect(
      (await run(projectLoader, getRequest(`/projects/${projectId}`, cookies.freelancer), { projectId })).status,
    ).toBe(404)
    const own = await run(projectLoader, getRequest(`/projects/${projectId}`, cookies.client), { projectId })
    expect(((await own.json()) as { project: { hiddenReason: string } }).project.hiddenReason).toBe(
      'Spam listing, same text posted 40 times.',
    )
    expect(
      (
        await run(
          adminProjectsAction,
          formRequest(
            '/admin/projects',
            { intent: 'hide', projectId, reason: 'Spam listing again, twice.' },
            cookies.admin,
          ),
        )
      ).status,
    ).toBe(409)
  })

  it('warn a reader when a project or a proposal asks to move contact or payment off MegiLance', async () => {
    const { freelancer, cookies } = await people()
    const posted = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        { ...FORM, intent: 'post', description: `${FORM.description} Send samples on WhatsApp: +44 7700 900123.` },
        cookies.client,
      ),
    )
    const projectId = posted.headers.get('location')!.split('/').pop()!
    type ProjectPage = { project: { offPlatformReasons: string[] } }
    const page = async (cookie?: string) =>
      (
        (await (
          await run(projectLoader, getRequest(`/projects/${projectId}`, cookie), { projectId })
        ).json()) as ProjectPage
      ).project.offPlatformReasons
    // A visitor and a freelancer are warned; the owner's page says so too (one list drives both).
    expect(await page()).toEqual(['phone', 'whatsapp'])
    expect(await page(cookies.freelancer)).toEqual(['phone', 'whatsapp'])
    expect(await page(cookies.client)).toEqual(['phone', 'whatsapp'])

    // A proposal's cover letter, read by the client: an email address outside the platform.
    const proposal = await insertProposal({
      projectId,
      freelancerId: freelancer.id,
      coverLetter: 'I have done this many times. Write to me at lena.translates@gmail.com and we can start.',
      bidType: 'fixed',
      bidAmountMinor: 300_00,
      currency: 'EUR',
      durationDays: 10,
      milestones: [],
      now: new Date(),
    })
    const letter = await run(proposalLoader, getRequest(`/proposals/${proposal.id}`, cookies.client), {
      proposalId: proposal.id,
    })
    expect(
      ((await letter.json()) as { proposal: { offPlatformReasons: string[] } }).proposal.offPlatformReasons,
    ).toEqual(['email'])
    // An invitation's message, read by the freelancer invited.
    const invited = await run(
      inviteAction,
      formRequest(
        `/projects/${projectId}/invite`,
        { email: freelancer.email, message: 'You look like a good fit. Ping me on Telegram: @clinic_owner_pay' },
        cookies.client,
      ),
      { projectId },
    )
    expect(invited.status).toBe(302)
    // (Answered already: the freelancer's proposal above accepts it.)
    const { pending, answered } = (await (
      await run(invitationsLoader, getRequest('/freelancer/invitations', cookies.freelancer))
    ).json()) as Record<'pending' | 'answered', Array<{ offPlatformReasons: string[] }>>
    expect([...pending, ...answered].map((invitation) => invitation.offPlatformReasons)).toEqual([['telegram']])
    // The project page shows a pending invitation's message too, with the same warning.
    const other = await run(newProjectAction, formRequest('/projects/new', { ...FORM, intent: 'post' }, cookies.client))
    const otherId = other.headers.get('location')!.split('/').pop()!
    await run(
      inviteAction,
      formRequest(
        `/projects/${otherId}/invite`,
        { email: freelancer.email, message: 'Let us talk there instead: Telegram @clinic_owner_pay' },
        cookies.client,
      ),
      { projectId: otherId },
    )
    const invitedPage = (await (
      await run(projectLoader, getRequest(`/projects/${otherId}`, cookies.freelancer), { projectId: otherId })
    ).json()) as { myInvitation: { status: string; offPlatformReasons: string[] } }
    expect(invitedPage.myInvitation).toMatchObject({ status: 'pending', offPlatformReasons: ['telegram'] })
    // Declining it with a refused reason answers the form again with the reason as typed.
    const { pending: waiting } = (await (
      await run(invitationsLoader, getRequest('/freelancer/invitations', cookies.freelancer))
    ).json()) as { pending: Array<{ id: string }> }
    const tooLong = 'No thanks. '.repeat(100)
    const declined = await run(
      invitationsAction,
      formRequest(
        '/freelancer/invitations',
        { intent: 'decline', invitationId: waiting[0]!.id, reason: tooLong },
        cookies.freelancer,
      ),
    )
    expect(declined.status).toBe(400)
    expect(await declined.json()).toMatchObject({ invitationId: waiting[0]!.id, reason: tooLong })
    // Ordinary project talk is not flagged.
    const plain = await run(newProjectAction, formRequest('/projects/new', { ...FORM, intent: 'post' }, cookies.client))
    const plainId = plain.headers.get('location')!.split('/').pop()!
    const plainPage = (await (
      await run(projectLoader, getRequest(`/projects/${plainId}`), { projectId: plainId })
    ).json()) as ProjectPage
    expect(plainPage.project.offPlatformReasons).toEqual([])
  })

  it('page a client’s projects 25 at a time, with open and closed tabs and their counts', async () => {
    const client = await createTestUser('client')
    const cookie = await signedInCookie(client.id)
    const base = new Date('2026-11-01T00:00:00Z').getTime()
    await insertProjects(
      Array.from({ length: 30 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${client.id.slice(-4)}${String(i).padStart(8, '0')}`,
        clientId: client.id,
        title: `Project number ${i + 1}`,
        description: 'A project posted by a busy client, to fill more than one page of the list.',
        budgetType: 'fixed' as const,
        budgetMinMinor: 10_000,
        budgetMaxMinor: 10_000,
        currency: 'USD',
        experienceLevel: 'intermediate' as const,
        status: i < 4 ? ('closed' as const) : ('open' as const),
        closedAt: i < 4 ? new Date(base + i * 60_000 + 1) : null,
        closeReason: i < 4 ? ('no_hire' as const) : null,
        createdAt: new Date(base + i * 60_000),
        skillIds: [],
      })),
    )
    // Two proposals on the newest project, one of them still waiting for the client.
    const newest = `00000000-0000-4000-8000-${client.id.slice(-4)}${String(29).padStart(8, '0')}`
    const [one, two] = await twoTestUsers('freelancer')
    const sent = []
    for (const freelancer of [one, two])
      sent.push(
        await insertProposal({
          projectId: newest,
          freelancerId: freelancer.id,
          coverLetter: 'I have built many pages like this one and can start on Monday next week.',
          bidType: 'fixed',
          bidAmountMinor: 100_00,
          currency: 'USD',
          durationDays: 5,
          milestones: [],
          now: new Date(),
        }),
      )
    await closeSubmittedProposal(sent[1]!.id, { status: 'withdrawn' }, new Date())
    type Row = { title: string; status: string; proposals: number; submitted: number }
    type Page = { projects: Row[]; counts: object; page: number; total: number }
    const read = async (query: string) =>
      (await (await run(clientProjectsLoader, getRequest(`/client/projects${query}`, cookie))).json()) as Page

    const first = await read('')
    expect(first.counts).toEqual({ all: 30, open: 26, closed: 4 })
    expect(first.projects).toHaveLength(25)
    expect(first.projects[0]).toMatchObject({ title: 'Project number 30', proposals: 2, submitted: 1 })
    expect(first.projects[1]).toMatchObject({ proposals: 0, submitted: 0 })
    const second = await read('?page=2')
    expect(second.projects.map((p) => p.title)).toEqual([5, 4, 3, 2, 1].map((n) => `Project number ${n}`))
    // Past the end shows the last page; a bad page or tab falls back to the first page of all.
    expect((await read('?page=9')).page).toBe(2)
    expect((await read('?page=abc&status=deleted')).page).toBe(1)
    const closed = await read('?status=closed')
    expect(closed.total).toBe(4)
    expect(closed.projects.every((p) => p.status === 'closed')).toBe(true)
    const open = await read('?status=open&page=2')
    expect(open.projects.map((p) => p.title)).toEqual(['Project number 5'])
  })
})
