import { describe, expect, it } from 'vitest'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { closeProjectWithoutHire, createProjectWithSkills, setProjectHidden } from '~/models/projects.server'
import { freelancersWithSkills, openProjectsWithSkills } from '~/services/ai/candidate-index.server'
import { blockUser } from '~/models/users.server'
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

  it('gives a blocked freelancer’s place to the next one at once, before the index reloads', async () => {
    const made: string[] = []
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const freelancer = await createTestUser('freelancer', { name: `Elm ${n}` })
      await updateFreelancerProfile(freelancer.id, { languages: ['English'] })
      await setSkills(freelancer.id, ['Elm'])
      made.push(freelancer.id)
    }
    expect(ids(await freelancersWithSkills(['Elm'], 1))).toEqual([made[5]])
    // Later skill rows, so the index's re-read of the newest rows no longer reaches these freelancers' skills.
    const wide = await createTestUser('freelancer', { name: 'Wide' })
    await setSkills(
      wide.id,
      Array.from({ length: 80 }, (_, i) => `Filler skill ${i}`),
    )
    expect(ids(await freelancersWithSkills(['Elm'], 1))).toEqual([made[5]])
    // Blocking writes no skill row: the index holds the five newest until its next full load.
    for (const id of made.slice(1)) await blockUser(id, 'Fake reviews.')
    expect(ids(await freelancersWithSkills(['Elm'], 1))).toEqual([made[0]])
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

  it('gives a closed or hidden project’s place to the next open one at once, before the index reloads', async () => {
    const client = await createTestUser('client')
    const project = (title: string) =>
      createProjectWithSkills(
        {
          clientId: client.id,
          title,
          description: 'A pipeline for the nightly builds.',
          budgetType: 'fixed',
          budgetMinMinor: 0,
          budgetMaxMinor: 30_000,
          currency: 'USD',
          experienceLevel: 'intermediate',
          visibility: 'public',
        },
        ['Jenkins'],
      )
    const made: string[] = []
    for (const n of [1, 2, 3, 4, 5, 6]) made.push(await project(`Pipeline ${n}`))
    const [oldest, second, ...newest] = made
    expect(ids(await openProjectsWithSkills(['Jenkins'], 2))).toEqual([made[5], made[4]])
    // Later skill rows, so the index's re-read of the newest rows no longer reaches these projects' skills.
    await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'A wide project',
        description: 'Many skills.',
        budgetType: 'fixed',
        budgetMinMinor: 0,
        budgetMaxMinor: 30_000,
        currency: 'USD',
        experienceLevel: 'intermediate',
        visibility: 'invite_only',
      },
      Array.from({ length: 80 }, (_, i) => `Filler skill ${i}`),
    )
    expect(ids(await openProjectsWithSkills(['Jenkins'], 2))).toEqual([made[5], made[4]])
    // Closing or hiding a project writes no skill row: the index holds the newest until its next full load.
    for (const id of newest.slice(1)) await closeProjectWithoutHire(id)
    await setProjectHidden(newest[0]!, { at: new Date(), reason: 'Asks for contact outside the platform.' })
    expect(ids(await openProjectsWithSkills(['Jenkins'], 2))).toEqual([second, oldest])
  })
})
