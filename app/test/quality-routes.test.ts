import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { ensureSkills, replaceFreelancerSkills } from '~/models/profiles.server'
import { createProjectWithSkills } from '~/models/projects.server'
import { freelancerProfiles, proposalLetterSimilarity, proposals } from '~/models/schema'
import { action as proposeAction } from '~/routes/_portal.projects_.$projectId_.propose'
import { loader as proposalsLoader } from '~/routes/_portal.projects_.$projectId_.proposals'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { action as profileAction, loader as profileLoader } from '~/routes/_portal.settings._index'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

const LETTER =
  'Hello, I am an experienced developer with many years of work on web applications. I have read your project ' +
  'carefully and I am confident I can deliver it on time and within budget. Let us talk about the details soon.'

async function openProject(clientId: string, title: string) {
  return createProjectWithSkills(
    {
      clientId,
      title,
      description: 'A booking page where patients choose a time and get a reminder by text message.',
      budgetType: 'fixed',
      budgetMinMinor: 50_000,
      budgetMaxMinor: 50_000,
      currency: 'USD',
      experienceLevel: 'intermediate',
    },
    ['React'],
  )
}

type CheckReply = {
  result: { initialValue: Record<string, string> }
  check: { suggestions: { kind: string; message: string }[] }
}

describe('the Check button and templated letters', () => {
  it('points out a templated letter and a misspelling, keeps the values, and still sends; the client can hide it', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const fCookie = await signedInCookie(freelancer.id)
    const first = await openProject(client.id, 'Booking page for a dental clinic')
    const second = await openProject(client.id, 'Booking page for a physiotherapy practice')
    const bid = { amount: '500', durationDays: '14' }

    const sent = await run(
      proposeAction,
      formRequest(`/projects/${first}/propose`, { coverLetter: LETTER, ...bid }, fCookie),
      { projectId: first },
    )
    expect(sent.status).toBe(302)

    const copy = LETTER.replace('Hello,', 'Hi,').replace('deliver it', 'recieve it')
    const checked = await run(
      proposeAction,
      formRequest(`/projects/${second}/propose`, { intent: 'check', coverLetter: copy, ...bid }, fCookie),
      { projectId: second },
    )
    expect(checked.status).toBe(200)
    const reply = (await checked.json()) as CheckReply
    expect(reply.result.initialValue.coverLetter).toBe(copy)
    const messages = reply.check.suggestions.map((s) => s.message)
    expect(messages[0]).toMatch(
      /^Your cover letter is \d+% the same as the one you sent for “Booking page for a dental clinic”/,
    )
    expect(messages).toContain('“recieve” may be misspelt — did you mean “receive” or “relieve”?')
    expect(messages.some((m) => m.includes('does not mention “React”'))).toBe(true)
    expect(await getDb().select().from(proposals).where(eq(proposals.projectId, second)).all()).toEqual([])

    const second_ = await run(
      proposeAction,
      formRequest(`/projects/${second}/propose`, { coverLetter: copy, ...bid }, fCookie),
      { projectId: second },
    )
    expect(second_.status).toBe(302)

    const cCookie = await signedInCookie(client.id)
    for (const projectId of [first, second]) {
      const list = (await (
        await run(proposalsLoader, getRequest(`/projects/${projectId}/proposals`, cCookie), { projectId })
      ).json()) as {
        rows: { templated: boolean }[]
      }
      expect(list.rows.map((row) => row.templated)).toEqual([true])
      const hidden = (await (
        await run(proposalsLoader, getRequest(`/projects/${projectId}/proposals?hide=templated`, cCookie), {
          projectId,
        })
      ).json()) as { rows: unknown[]; hiddenCount: number }
      expect(hidden).toMatchObject({ rows: [], hiddenCount: 1 })
    }
    const stored = await getDb().select().from(proposalLetterSimilarity).all()
    expect(stored.filter((row) => row.similarity >= 0.8).length).toBeGreaterThanOrEqual(2)
  })

  it('checks the project form without posting it', async () => {
    const client = await createTestUser('client')
    const response = await run(
      newProjectAction,
      formRequest(
        '/projects/new',
        { intent: 'check', title: 'Shop', description: 'We need a websight.', skills: 'Kubernetes' },
        await signedInCookie(client.id),
      ),
    )
    expect(response.status).toBe(200)
    const { check } = (await response.json()) as CheckReply
    const messages = check.suggestions.map((s) => s.message)
    expect(messages).toContain('The title is short (1 word); 3 or more usually say enough.')
    expect(messages.some((m) => m.startsWith('“websight” may be misspelt'))).toBe(true)
    expect(messages.some((m) => m.includes('does not mention “Kubernetes”, which you list as skills'))).toBe(true)
  })

  it('checks a freelancer profile and places the saved rate, or says there are too few rates', async () => {
    const freelancer = await createTestUser('freelancer')
    const cookie = await signedInCookie(freelancer.id)
    getDb()
      .update(freelancerProfiles)
      .set({ hourlyRateMinor: 5_000, currency: 'USD', experienceLevel: 'intermediate' })
      .where(eq(freelancerProfiles.userId, freelancer.id))
      .run()
    await replaceFreelancerSkills(freelancer.id, [...(await ensureSkills(['Rust'])).values()])
    const page = (await (await run(profileLoader, getRequest('/settings', cookie))).json()) as {
      ratePosition: { kind: string }
    }
    expect(page.ratePosition).toMatchObject({ kind: 'too-few', skills: ['Rust'], level: 'intermediate' })

    const response = await run(
      profileAction,
      formRequest(
        '/settings',
        { intent: 'check', name: 'Ada', headline: 'Rust developer', bio: 'I write Rust.', skills: 'Rust' },
        cookie,
      ),
    )
    const { check } = (await response.json()) as CheckReply
    expect(check.suggestions.map((s) => s.message)).toContain(
      'About you is short (3 words); 40 or more usually say enough.',
    )
  })
})
