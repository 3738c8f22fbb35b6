import { describe, expect, it } from 'vitest'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { closeProjectWithoutHire, createProjectWithSkills } from '~/models/projects.server'
import { freelancersWithSkills, openProjectsWithSkills } from '~/services/ai/candidate-index.server'
import { createTestUser } from './users'

async function setSkills(userId: string, skills: string[]) {
  await replaceFreelancerSkills(userId, [...(await ensureSkills(skills)).values()])
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id)

describe('the candidate index', () => {
  it('follows skills as they are added, re-saved (reusing the newest rowids) and given to new freelancers', async () => {
    const ann = await createTestUser('freelancer', { name: 'Ann' })
    await updateFreelancerProfile(ann.id, { languages: ['English'] })
    await setSkills(ann.id, ['Go', 'Docker'])
    expect(ids(await freelancersWithSkills(['Go'], 10))).toEqual([ann.id])

    // Replacing the newest rows: SQLite hands the same rowids out again.
    await setSkills(ann.id, ['Rust', 'Docker'])
    expect(ids(await freelancersWithSkills(['Go'], 10))).toEqual([])
    expect(ids(await freelancersWithSkills(['Rust'], 10))).toEqual([ann.id])

    const bob = await createTestUser('freelancer', { name: 'Bob' })
    await setSkills(bob.id, ['Rust', 'Docker'])
    const cat = await createTestUser('freelancer', { name: 'Cat' })
    await setSkills(cat.id, ['Rust'])
    // Most skills shared first, then the newest.
    expect(ids(await freelancersWithSkills(['Rust', 'Docker'], 10))).toEqual([bob.id, ann.id, cat.id])
  })

  it('lists open projects newest first and never one that is no longer open', async () => {
    const client = await createTestUser('client')
    const project = (title: string) =>
      createProjectWithSkills(
        {
          clientId: client.id,
          title,
          description: 'Containers for three services.',
          budgetType: 'fixed',
          budgetMinMinor: 0,
          budgetMaxMinor: 50_000,
          currency: 'USD',
          experienceLevel: 'intermediate',
          visibility: 'public',
        },
        ['Kubernetes'],
      )
    const first = await project('First cluster')
    expect(ids(await openProjectsWithSkills(['Kubernetes'], 10))).toEqual([first])
    const second = await project('Second cluster')
    const privately = await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Private cluster',
        description: 'Invited freelancers only.',
        budgetType: 'fixed',
        budgetMinMinor: 0,
        budgetMaxMinor: 50_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
        visibility: 'invite_only',
      },
      ['Kubernetes'],
    )
    const listed = ids(await openProjectsWithSkills(['Kubernetes'], 10))
    expect(listed).toEqual([second, first])
    expect(listed).not.toContain(privately)
    await closeProjectWithoutHire(second)
    expect(ids(await openProjectsWithSkills(['Kubernetes'], 10))).toEqual([first])
  })
})
