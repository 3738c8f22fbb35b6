import { describe, expect, it } from 'vitest'
import { insertFittedModel } from '~/models/fitted-models.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { createProjectWithSkills } from '~/models/projects.server'
import { loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { loader as recommendedLoader } from '~/routes/_portal.freelancer.recommended'
import { DEFAULT_WEIGHTS } from '~/services/ai/matching-model.server'
import { getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function freelancerWith(skills: string[], name: string) {
  const user = await createTestUser('freelancer', { name })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
  await updateFreelancerProfile(user.id, { hourlyRateMinor: 4000, languages: ['English'], experienceLevel: 'expert' })
  return user
}

describe('recommendations and skill match', () => {
  it('never recommend a freelancer with none of the project’s skills, even under weights that give skills nothing', async () => {
    // The weights the old fit put in force: skill match 0.
    await insertFittedModel({
      kind: 'matching',
      fittedAt: new Date(),
      outcomes: 1_000,
      params: { weights: { ...DEFAULT_WEIGHTS, skills: 0 }, inForce: 'fitted' },
      metrics: { validationProjects: 300, validationFitted: 0.04, validationDefaults: 0.02 },
    })
    const client = await createTestUser('client')
    const projectId = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Front-end work on our booking site',
        description: 'Build the booking pages.',
        budgetType: 'hourly',
        budgetMinMinor: 3000,
        budgetMaxMinor: 6000,
        currency: 'USD',
        experienceLevel: 'expert',
        visibility: 'public',
      },
      ['Front-end Development'],
    )
    // Word vectors put these near "Front-end Development" only through the word "Development".
    const unrelated = await freelancerWith(
      ['Business Development', 'Chatbot Development', 'Game Development'],
      'Bea Business',
    )
    const fit = await freelancerWith(['Front-end Development'], 'Fern Frontend')

    const page = (await (
      await run(projectLoader, getRequest(`/projects/${projectId}`, await signedInCookie(client.id)), { projectId })
    ).json()) as { recommended: Array<{ id: string; match: { summary: string } }> }
    expect(page.recommended.map((r) => r.id)).toEqual([fit.id])
    expect(page.recommended[0]!.match.summary).toMatch(/^1 of 1 skill/)

    const theirs = (await (
      await run(recommendedLoader, getRequest('/freelancer/recommended', await signedInCookie(unrelated.id)))
    ).json()) as { projects: Array<{ id: string }> }
    expect(theirs.projects.map((p) => p.id)).not.toContain(projectId)
  })
})
