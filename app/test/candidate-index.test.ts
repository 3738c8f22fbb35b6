import { describe, expect, it, vi } from 'vitest'
import { getDb } from '~/models/db.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import {
  closeProjectWithoutHire,
  createProjectWithSkills,
  reopenProject,
  setProjectHidden,
} from '~/models/projects.server'
import { freelancersWithSkills, openProjectsWithSkills } from '~/services/ai/candidate-index.server'
import { blockUser, setUserRole, unblockUser } from '~/models/users.server'
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
    // Blocking writes no skill row, and the index keeps blocked freelancers: the database refuses them.
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
    // Closing or hiding a project writes no skill row (the change triggers of migration 0027 note it).
    for (const id of newest.slice(1)) await closeProjectWithoutHire(id)
    await setProjectHidden(newest[0]!, { at: new Date(), reason: 'Asks for contact outside the platform.' })
    expect(ids(await openProjectsWithSkills(['Jenkins'], 2))).toEqual([second, oldest])
  })
})

/**
 * Writes 80 skill rows of a freelancer and 80 of an invite-only project, so the indexes' re-read of
 * the newest skill rows no longer reaches the rows written before; then moves the clock past the
 * indexes' full reload and uses both, so each loads in full now (and drops whatever is not a
 * candidate at this moment). The clock is real again afterwards, so the indexes' next uses read only
 * what changed.
 */
let ahead = 0
async function reloadIndexes() {
  const fillers = Array.from({ length: 80 }, (_, i) => `Filler skill ${i}`)
  const filler = await createTestUser('freelancer', { name: 'Filler' })
  await setSkills(filler.id, fillers)
  await postProject(filler.id, 'Filler', fillers, 'invite_only')
  ahead += 6 * 60_000
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + ahead)
  try {
    await freelancersWithSkills(['Any skill'], 1)
    await openProjectsWithSkills(['Any skill'], 1)
  } finally {
    vi.useRealTimers()
  }
}

const postProject = (
  clientId: string,
  title: string,
  skills: string[],
  visibility: 'public' | 'invite_only' = 'public',
) =>
  createProjectWithSkills(
    {
      clientId,
      title,
      description: 'Infrastructure as code for two regions.',
      budgetType: 'fixed',
      budgetMinMinor: 0,
      budgetMaxMinor: 40_000,
      currency: 'USD',
      experienceLevel: 'intermediate',
      visibility,
    },
    skills,
  )

async function freelancerWith(name: string, skills: string[]) {
  const freelancer = await createTestUser('freelancer', { name })
  await updateFreelancerProfile(freelancer.id, { languages: ['English'] })
  await setSkills(freelancer.id, skills)
  return freelancer.id
}

describe('the candidate index and blocked clients', () => {
  it('gives the places of a blocked client’s projects (kept in the index) to the next open ones', async () => {
    const kept = await createTestUser('client')
    const blocked = await createTestUser('client')
    const older = [
      await postProject(kept.id, 'Queue 1', ['RabbitMQ']),
      await postProject(kept.id, 'Queue 2', ['RabbitMQ']),
    ]
    const newer: string[] = []
    for (const n of [3, 4, 5, 6]) newer.push(await postProject(blocked.id, `Queue ${n}`, ['RabbitMQ']))
    expect(ids(await openProjectsWithSkills(['RabbitMQ'], 2))).toEqual([newer[3], newer[2]])
    await blockUser(blocked.id, 'Scam posts.')
    expect(ids(await openProjectsWithSkills(['RabbitMQ'], 2))).toEqual([older[1], older[0]])
  })
})

describe('the candidate index between full loads: what comes back without writing a skill row', () => {
  it('lists a project reopened after a full load that left it out', async () => {
    const client = await createTestUser('client')
    const project = await postProject(client.id, 'Two regions', ['Terraform'])
    await closeProjectWithoutHire(project)
    await reloadIndexes()
    expect(ids(await openProjectsWithSkills(['Terraform'], 5))).toEqual([])
    expect(await reopenProject(project)).toBe(true)
    expect(ids(await openProjectsWithSkills(['Terraform'], 5))).toEqual([project])
  })

  it('lists a project unhidden after a full load, but never one still closed or hidden', async () => {
    const client = await createTestUser('client')
    const project = await postProject(client.id, 'Three regions', ['Pulumi'])
    const moderation = { at: new Date(), reason: 'Asks for contact outside the platform.' }
    await setProjectHidden(project, moderation)
    await reloadIndexes()
    expect(ids(await openProjectsWithSkills(['Pulumi'], 5))).toEqual([])
    await setProjectHidden(project, null)
    expect(ids(await openProjectsWithSkills(['Pulumi'], 5))).toEqual([project])

    // Closed and hidden: reopening leaves it hidden, unhiding then lists it.
    await closeProjectWithoutHire(project)
    await setProjectHidden(project, moderation)
    await reloadIndexes()
    await reopenProject(project)
    expect(ids(await openProjectsWithSkills(['Pulumi'], 5))).toEqual([])
    await setProjectHidden(project, null)
    await closeProjectWithoutHire(project)
    expect(ids(await openProjectsWithSkills(['Pulumi'], 5))).toEqual([])
    await reopenProject(project)
    expect(ids(await openProjectsWithSkills(['Pulumi'], 5))).toEqual([project])
  })

  it('lists a project made public by any writer (a trigger sees it), and never an invite-only one', async () => {
    const client = await createTestUser('client')
    const project = await postProject(client.id, 'Private regions', ['Ansible'], 'invite_only')
    await reloadIndexes()
    expect(ids(await openProjectsWithSkills(['Ansible'], 5))).toEqual([])
    getDb().$client.prepare(`update projects set visibility = 'public' where id = ?`).run(project)
    expect(ids(await openProjectsWithSkills(['Ansible'], 5))).toEqual([project])
    getDb().$client.prepare(`update projects set visibility = 'invite_only' where id = ?`).run(project)
    expect(ids(await openProjectsWithSkills(['Ansible'], 5))).toEqual([])
  })

  it('lists a user who is a freelancer again after a full load that left them out', async () => {
    const fay = await freelancerWith('Fay', ['Haskell'])
    await setUserRole(fay, 'client')
    await reloadIndexes()
    expect(ids(await freelancersWithSkills(['Haskell'], 5))).toEqual([])
    await setUserRole(fay, 'freelancer')
    expect(ids(await freelancersWithSkills(['Haskell'], 5))).toEqual([fay])
  })

  it('lists a blocked freelancer, or a blocked client’s project, once unblocked, and never before', async () => {
    // The indexes keep blocked users (the database leaves them out of the candidates it confirms).
    const ivy = await freelancerWith('Ivy', ['Clojure'])
    await blockUser(ivy, 'Fake reviews.')
    const client = await createTestUser('client')
    const project = await postProject(client.id, 'Lisp services', ['Clojure'])
    await blockUser(client.id, 'Scam posts.')
    await reloadIndexes()
    expect(ids(await freelancersWithSkills(['Clojure'], 5))).toEqual([])
    expect(ids(await openProjectsWithSkills(['Clojure'], 5))).toEqual([])
    await unblockUser(ivy)
    await unblockUser(client.id)
    expect(ids(await freelancersWithSkills(['Clojure'], 5))).toEqual([ivy])
    expect(ids(await openProjectsWithSkills(['Clojure'], 5))).toEqual([project])
  })

  it('drops a freelancer whose skills were all removed (rows deleted, none written)', async () => {
    const gus = await freelancerWith('Gus', ['OCaml', 'Elixir'])
    const hal = await freelancerWith('Hal', ['Elixir'])
    await reloadIndexes()
    expect(ids(await freelancersWithSkills(['OCaml', 'Elixir'], 5))).toEqual([gus, hal])
    await setSkills(gus, [])
    expect(ids(await freelancersWithSkills(['OCaml', 'Elixir'], 5))).toEqual([hal])
  })

  it('follows a renamed skill at once', async () => {
    const jo = await freelancerWith('Jo', ['Erlang'])
    const client = await createTestUser('client')
    const project = await postProject(client.id, 'Telecom switch', ['Erlang'])
    await reloadIndexes()
    getDb().$client.prepare(`update skills set name = 'Erlang/OTP' where name = 'Erlang'`).run()
    expect(ids(await freelancersWithSkills(['Erlang/OTP'], 5))).toEqual([jo])
    expect(ids(await openProjectsWithSkills(['Erlang/OTP'], 5))).toEqual([project])
    expect(ids(await freelancersWithSkills(['Erlang'], 5))).toEqual([])
    expect(ids(await openProjectsWithSkills(['Erlang'], 5))).toEqual([])
  })
})
