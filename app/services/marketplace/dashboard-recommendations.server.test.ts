import { describe, expect, it } from 'vitest'
import { DAY_MS } from '~/domain/durations'
import { listOpenProjectsForFreelancer } from '~/models/dashboard-stats.server'
import { getDb } from '~/models/db.server'
import { saveDiscoveryPreferences } from '~/models/discovery.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import {
  closeProjectWithoutHire,
  createProjectWithSkills,
  setProjectHidden,
  updateProjectWithSkills,
} from '~/models/projects.server'
import { insertProposal } from '~/models/proposals.server'
import { recommendProjects, type RecommendedProject } from '~/services/ai/recommendations.server'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { dashboardOpenProjects, dashboardRecommendations } from './dashboard-recommendations.server'

type Shown = { id: string; title: string; match: { score: number; summary: string; newcomer: boolean } }

/** What the dashboard shows, to compare with a fresh computation. */
const view = (answer: Shown[]) =>
  answer.map((r) => ({
    id: r.id,
    title: r.title,
    match: `${r.match.score} · ${r.match.summary}${r.match.newcomer ? ' · new' : ''}`,
  }))

async function fresh(freelancerId: string, now: Date) {
  return view((await recommendProjects(freelancerId, now)).slice(0, 3) as RecommendedProject[])
}

/**
 * A freelancer with two skills, last active 100 days ago, and four open projects asking for them
 * (the newest, hourly, from a second client).
 */
async function setUp() {
  const mark = crypto.randomUUID().slice(0, 8)
  const [one, two] = [`Alpha ${mark}`, `Beta ${mark}`]
  const skill = await ensureSkills([one, two])
  const ada = await createTestUser('client', { name: 'Ada Client' })
  const bea = await createTestUser('client', { name: 'Bea Client' })
  const freelancer = await createTestUser('freelancer')
  await updateFreelancerProfile(freelancer.id, {
    hourlyRateMinor: 40_00,
    currency: 'USD',
    languages: ['English'],
    experienceLevel: 'intermediate',
    timeZone: 'Europe/Berlin',
    availability: 'full_time',
  })
  await replaceFreelancerSkills(freelancer.id, [skill.get(one)!, skill.get(two)!])
  const post = (clientId: string, title: string, skills: string[], day: number, hourly = false) =>
    createProjectWithSkills(
      {
        clientId,
        title,
        description: `${title}: a project of the recommendations test, long enough to describe the work.`,
        budgetType: hourly ? 'hourly' : 'fixed',
        budgetMinMinor: hourly ? 30_00 : 0,
        budgetMaxMinor: hourly ? 60_00 : 900_00,
        currency: 'USD',
        experienceLevel: 'intermediate',
        createdAt: new Date(Date.now() - day * DAY_MS),
      },
      skills,
    )
  const projects = {
    both: await post(bea.id, `Both ${mark}`, [one, two], 1, true),
    first: await post(ada.id, `First ${mark}`, [one], 2),
    second: await post(ada.id, `Second ${mark}`, [two], 3),
    third: await post(ada.id, `Third ${mark}`, [one], 4),
  }
  getDb()
    .$client.prepare('update freelancer_profiles set updated_at = ? where user_id = ?')
    .run(Date.now() - 100 * DAY_MS, freelancer.id)
  return { mark, one, two, ada, bea, freelancer, projects }
}

type Fixture = Awaited<ReturnType<typeof setUp>>

/** The dashboard's answer agrees with a fresh one before and right after the write, and the write changed it. */
async function changesRightAfter(write: (f: Fixture) => Promise<unknown> | unknown) {
  const f = await setUp()
  const now = new Date()
  const before = view(await dashboardRecommendations(f.freelancer.id, now))
  expect(before).toEqual(await fresh(f.freelancer.id, now))
  expect(before.length).toBeGreaterThan(0)
  // Kept: the same answer again.
  expect(view(await dashboardRecommendations(f.freelancer.id, now))).toEqual(before)
  await write(f)
  const after = view(await dashboardRecommendations(f.freelancer.id, now))
  expect(after).toEqual(await fresh(f.freelancer.id, now))
  expect(after).not.toEqual(before)
}

const sql = (text: string, ...params: unknown[]) =>
  getDb()
    .$client.prepare(text)
    .run(...params)

describe('the dashboard’s recommended projects change right after', () => {
  it('a project is closed', () => changesRightAfter((f) => closeProjectWithoutHire(f.projects.both)))

  it('a project is hidden', () =>
    changesRightAfter((f) => setProjectHidden(f.projects.both, { at: new Date(), reason: 'Moderated' })))

  it('a project’s skills change', () =>
    changesRightAfter((f) =>
      updateProjectWithSkills(
        f.projects.both,
        {
          title: `Both ${f.mark}`,
          description: 'Now asks for one skill only, and the description says so at length.',
          budgetType: 'hourly',
          budgetMinMinor: 30_00,
          budgetMaxMinor: 60_00,
          currency: 'USD',
          experienceLevel: 'intermediate',
        },
        [f.two],
      ),
    ))

  it('a client is blocked', () =>
    changesRightAfter((f) => sql('update users set blocked_at = ? where id = ?', Date.now(), f.bea.id)))

  it('a client gives a time zone', () =>
    changesRightAfter((f) =>
      sql(
        "insert into weekly_availability (user_id, time_zone, windows, updated_at) values (?, 'Asia/Tokyo', '[]', ?)",
        f.bea.id,
        Date.now(),
      ),
    ))

  it('the freelancer changes their rate', () =>
    changesRightAfter((f) => updateFreelancerProfile(f.freelancer.id, { hourlyRateMinor: 90_00 })))

  it('the freelancer changes their skills', async () =>
    changesRightAfter(async (f) => {
      const skill = await ensureSkills([f.one])
      await replaceFreelancerSkills(f.freelancer.id, [skill.get(f.one)!])
    }))

  it('the freelancer leaves recommendations', () =>
    changesRightAfter((f) =>
      saveDiscoveryPreferences(f.freelancer.id, { membersOnly: false, recommendationsOff: true }),
    ))

  it('the freelancer sends a proposal (they were active)', () =>
    changesRightAfter((f) =>
      insertProposal({
        projectId: f.projects.third,
        freelancerId: f.freelancer.id,
        coverLetter: 'I have done this before and can start on Monday.',
        bidType: 'fixed',
        bidAmountMinor: 800_00,
        currency: 'USD',
        durationDays: 14,
        milestones: [{ title: 'All of it', amountMinor: 800_00, dueDate: null }],
        now: new Date(),
      }),
    ))

  it('the freelancer adds a portfolio item (they were active)', () =>
    changesRightAfter((f) =>
      sql(
        "insert into portfolio_items (id, user_id, title, created_at, updated_at) values (?, ?, 'Shop', ?, ?)",
        crypto.randomUUID(),
        f.freelancer.id,
        Date.now(),
        Date.now(),
      ),
    ))

  it('a contract of theirs ends with reviews from both sides', () =>
    changesRightAfter(async (f) => {
      const { contract } = await insertFixedContract({
        clientId: f.ada.id,
        freelancerId: f.freelancer.id,
        amounts: [100_00],
      })
      // The contract alone (it made them active): compare again after the reviews.
      sql("update contracts set status = 'ended', ended_at = ? where id = ?", Date.now() - 100 * DAY_MS, contract.id)
      sql('update contract_activity set created_at = ? where contract_id = ?', Date.now() - 100 * DAY_MS, contract.id)
      const insert = getDb().$client.prepare(
        "insert into reviews (id, contract_id, reviewer_id, reviewee_id, direction, rating, sub_ratings, comment, created_at) values (?, ?, ?, ?, ?, 5, '{}', 'Good', ?)",
      )
      insert.run(
        crypto.randomUUID(),
        contract.id,
        f.ada.id,
        f.freelancer.id,
        'client_to_freelancer',
        Date.now() - 99 * DAY_MS,
      )
      insert.run(
        crypto.randomUUID(),
        contract.id,
        f.freelancer.id,
        f.ada.id,
        'freelancer_to_client',
        Date.now() - 99 * DAY_MS,
      )
    }))

  // The dashboard no longer shows "active 100 days ago", so the answer may stay the same; it must agree.
  it('a day passes (“active 100 days ago” becomes 101)', async () => {
    const f = await setUp()
    const now = new Date()
    await dashboardRecommendations(f.freelancer.id, now)
    const later = new Date(now.getTime() + DAY_MS)
    expect(view(await dashboardRecommendations(f.freelancer.id, later))).toEqual(await fresh(f.freelancer.id, later))
  })
})

/** The dashboard's open projects agree with a fresh reading before and right after the write, which changed them. */
async function openProjectsChangeRightAfter(write: (f: Fixture) => Promise<unknown> | unknown) {
  const f = await setUp()
  const before = await dashboardOpenProjects(f.freelancer.id, 3)
  expect(before).toEqual(await listOpenProjectsForFreelancer(f.freelancer.id, 3))
  expect(before.rows.length).toBe(3)
  expect(await dashboardOpenProjects(f.freelancer.id, 3)).toBe(before)
  await write(f)
  const after = await dashboardOpenProjects(f.freelancer.id, 3)
  expect(after).toEqual(await listOpenProjectsForFreelancer(f.freelancer.id, 3))
  expect(after).not.toEqual(before)
}

describe('the dashboard’s open projects for the freelancer’s skills change right after', () => {
  it('a project is closed', () => openProjectsChangeRightAfter((f) => closeProjectWithoutHire(f.projects.both)))

  it('a project is hidden', () =>
    openProjectsChangeRightAfter((f) => setProjectHidden(f.projects.first, { at: new Date(), reason: 'Moderated' })))

  it('a project asking for their skills is posted', () =>
    openProjectsChangeRightAfter((f) =>
      createProjectWithSkills(
        {
          clientId: f.ada.id,
          title: `Newest ${f.mark}`,
          description: 'The newest project of the test, long enough to describe the work to be done.',
          budgetType: 'fixed',
          budgetMinMinor: 0,
          budgetMaxMinor: 500_00,
          currency: 'USD',
          experienceLevel: 'intermediate',
        },
        [f.two],
      ),
    ))

  it('a skill is renamed', () =>
    openProjectsChangeRightAfter((f) => sql('update skills set name = ? where name = ?', `Gamma ${f.mark}`, f.one)))

  it('the freelancer changes their skills', () =>
    openProjectsChangeRightAfter(async (f) => {
      const skill = await ensureSkills([f.two])
      await replaceFreelancerSkills(f.freelancer.id, [skill.get(f.two)!])
    }))
})
