import { describe, expect, it } from 'vitest'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { createProjectWithSkills } from '~/models/projects.server'
import { blockUser } from '~/models/users.server'
import { action as projectAction, loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { loader as recommendedLoader } from '~/routes/_portal.freelancer.recommended'
import { action as visibilityAction } from '~/routes/_portal.settings.discovery'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function freelancerWith(skills: string[], name: string) {
  const user = await createTestUser('freelancer', { name })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
  await updateFreelancerProfile(user.id, {
    hourlyRateMinor: 4000,
    languages: ['English'],
    experienceLevel: 'intermediate',
  })
  return user
}

describe('recommendations', () => {
  it('show a client recommended freelancers with a breakdown, invite one in a click, and show the freelancer the project', async () => {
    const client = await createTestUser('client')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Helm charts for our Kubernetes cluster',
        description: 'Write Helm charts for three services.',
        budgetType: 'hourly',
        budgetMinMinor: 3000,
        budgetMaxMinor: 6000,
        currency: 'USD',
        experienceLevel: 'intermediate',
        visibility: 'public',
      },
      ['Kubernetes', 'Helm'],
    )
    const fit = await freelancerWith(['Kubernetes', 'Helm'], 'Kim Fit')
    const half = await freelancerWith(['Kubernetes'], 'Hal Half')
    const away = await freelancerWith(['Kubernetes', 'Helm'], 'Otto Out')
    await run(visibilityAction, formRequest('/settings/discovery', {}, await signedInCookie(away.id)))

    const cookie = await signedInCookie(client.id)
    const page = (await (
      await run(projectLoader, getRequest(`/projects/${projectId}`, cookie), { projectId })
    ).json()) as {
      recommended: Array<{
        id: string
        match: { score: number; summary: string; factors: Array<{ key: string; words: string }> }
      }>
    }
    expect(page.recommended.map((r) => r.id)).toEqual([fit.id, half.id])
    // Neither side has set a time zone: the summary leaves it out and the breakdown says so.
    expect(page.recommended[0]!.match.summary).toBe('2 of 2 skills · rate within budget')
    expect(page.recommended[0]!.match.factors.find((f) => f.key === 'timeZone')!.words).toBe(
      'neither side has set a time zone, so half',
    )

    const invited = await run(
      projectAction,
      formRequest(`/projects/${projectId}`, { intent: 'invite', freelancerId: fit.id }, cookie),
      { projectId },
    )
    expect(invited.status).toBe(302)
    // A blocked freelancer's id answers as an unknown one: no 'Bea is invited' for an invitation never sent.
    const blocked = await freelancerWith(['Kubernetes', 'Helm'], 'Bea Blocked')
    await blockUser(blocked.id, 'Fake reviews.')
    const refused = await run(
      projectAction,
      formRequest(`/projects/${projectId}`, { intent: 'invite', freelancerId: blocked.id }, cookie),
      { projectId },
    )
    expect(refused.status).toBe(404)

    const mine = (await (
      await run(recommendedLoader, getRequest('/freelancer/recommended', await signedInCookie(fit.id)))
    ).json()) as {
      projects: Array<{ id: string }>
    }
    expect(mine.projects.map((p) => p.id)).toContain(projectId)
    const none = (await (
      await run(recommendedLoader, getRequest('/freelancer/recommended', await signedInCookie(away.id)))
    ).json()) as {
      projects: unknown[]
      optedOut: boolean
    }
    expect(none).toEqual({ projects: [], optedOut: true })
  })
})
