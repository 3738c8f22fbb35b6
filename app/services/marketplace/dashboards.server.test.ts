import { describe, expect, it } from 'vitest'
import { markNotificationsReadByLink } from '~/models/notifications.server'
import { replaceFreelancerSkills, updateFreelancerProfile, ensureSkills } from '~/models/profiles.server'
import { closeProjectWithoutHire, createProjectWithSkills } from '~/models/projects.server'
import { insertProposal, markProposalViewed } from '~/models/proposals.server'
import { createTestUser } from '~/test/users'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { freelancerWithBank, writeFundedRelease } from '~/test/wallet'
import { getDb } from '~/models/db.server'
import { getClientDashboard, getFreelancerDashboard } from './dashboards.server'

const DAY = 24 * 60 * 60 * 1000
const START = Date.UTC(2026, 10, 1)

async function postProject(clientId: string, title: string, skills: string[], day: number) {
  return createProjectWithSkills(
    {
      clientId,
      title,
      description: `${title}: a project posted for the dashboard test, long enough to be a description.`,
      budgetType: 'fixed',
      budgetMinMinor: 0,
      budgetMaxMinor: 1_000_00,
      currency: 'USD',
      experienceLevel: 'intermediate',
      createdAt: new Date(START + day * DAY),
    },
    skills,
  )
}

function propose(projectId: string, freelancerId: string, day: number) {
  return insertProposal({
    projectId,
    freelancerId,
    coverLetter: 'I have done this before and can start on Monday.',
    bidType: 'fixed',
    bidAmountMinor: 900_00,
    currency: 'USD',
    durationDays: 14,
    milestones: [{ title: 'All of it', amountMinor: 900_00, dueDate: null }],
    now: new Date(START + day * DAY),
  })
}

describe('the client dashboard', () => {
  it('counts and lists only the client’s own projects, and proposals on their open ones', async () => {
    const client = await createTestUser('client')
    const other = await createTestUser('client')
    const freelancer = await createTestUser('freelancer', { name: 'Fiona Freelancer' })
    const open = await postProject(client.id, 'Open shop', ['Zig'], 1)
    const closed = await postProject(client.id, 'Closed shop', ['Zig'], 2)
    const elsewhere = await postProject(other.id, 'Someone else’s shop', ['Zig'], 3)
    await propose(open, freelancer.id, 4)
    await propose(closed, freelancer.id, 5)
    await propose(elsewhere, freelancer.id, 6)
    await closeProjectWithoutHire(closed)

    const dashboard = await getClientDashboard(client.id)
    expect(dashboard.counts).toEqual({ open: 1, closed: 1 })
    expect(dashboard.recent).toEqual([
      expect.objectContaining({ id: closed, title: 'Closed shop', status: 'closed', budgetType: 'fixed' }),
      expect.objectContaining({ id: open, title: 'Open shop', status: 'open', budgetMaxMinor: 1_000_00 }),
    ])
    // A summary carries what the card shows, not the description.
    expect(dashboard.recent[0]).not.toHaveProperty('description')
    expect(dashboard.proposalsToReview).toEqual([
      expect.objectContaining({ projectTitle: 'Open shop', freelancerName: 'Fiona Freelancer', viewed: 0 }),
    ])
    expect(dashboard.work).toMatchObject({ proposalsWaiting: 1, proposalsUnread: 1 })
    expect(dashboard.onboarding.find((step) => step.href === '/settings/security')?.done).toBe(false)
  })
})

describe('the freelancer dashboard', () => {
  it('lists open projects that ask for one of the freelancer’s skills, newest first, with their count', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const mark = crypto.randomUUID().slice(0, 8)
    const [ours, also, unrelated] = [`Ours ${mark}`, `Also ${mark}`, `Unrelated ${mark}`]
    const older = await postProject(client.id, 'Older match', [ours], 10)
    const both = await postProject(client.id, 'Both skills', [ours, also], 11)
    const closed = await postProject(client.id, 'Closed match', [also], 12)
    await postProject(client.id, 'No match', [unrelated], 13)
    await closeProjectWithoutHire(closed)
    const { getDb } = await import('~/models/db.server')
    const skillIds = getDb()
      .$client.prepare('select id from skills where name in (?, ?) order by name')
      .all(also, ours)
      .map((row) => (row as { id: number }).id)
    await replaceFreelancerSkills(freelancer.id, skillIds)

    const dashboard = await getFreelancerDashboard(freelancer.id)
    expect(dashboard.profile.skills).toEqual([also, ours])
    expect(dashboard.matches.total).toBe(2)
    expect(dashboard.matches.rows.map((row) => [row.id, row.skills])).toEqual([
      [both, [also, ours]],
      [older, [ours]],
    ])
    // A match carries what its card shows, not the description.
    expect(Object.keys(dashboard.matches.rows[0]!).sort()).toEqual(
      ['budgetMaxMinor', 'budgetMinMinor', 'budgetType', 'createdAt', 'currency', 'id', 'skills', 'title'].sort(),
    )
  })

  it('shows the newest five of many matching projects and counts each project once, whatever it matches', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const mark = crypto.randomUUID().slice(0, 8)
    const [one, two] = [`One ${mark}`, `Two ${mark}`]
    const skill = await ensureSkills([one, two])
    await replaceFreelancerSkills(freelancer.id, [skill.get(one)!, skill.get(two)!])
    // Posted out of order, some asking for both skills.
    const days = [33, 31, 37, 30, 35, 36, 32, 34]
    const ids = new Map<number, string>()
    for (const day of days) ids.set(day, await postProject(client.id, `Day ${day}`, day % 2 ? [one, two] : [two], day))

    const { matches } = await getFreelancerDashboard(freelancer.id)
    expect(matches.total).toBe(8)
    expect(matches.rows.map((row) => row.title)).toEqual(['Day 37', 'Day 36', 'Day 35', 'Day 34', 'Day 33'])
    expect(matches.rows.map((row) => row.id)).toEqual([37, 36, 35, 34, 33].map((day) => ids.get(day)))
    expect(matches.rows[0]!.skills).toEqual([one, two])
    expect(matches.rows[1]!.skills).toEqual([two])
  })

  it('marks the notifications about a page read when it is visited, and only those', async () => {
    const freelancer = await createTestUser('freelancer')
    const { getDb } = await import('~/models/db.server')
    const insert = getDb().$client.prepare(
      "insert into notifications (id, user_id, kind, title, body, link, created_at) values (?, ?, 'proposal_viewed', 't', 'b', ?, 0)",
    )
    for (const link of ['/contracts/1', '/contracts/1?tab=files', '/contracts/12', '/contracts/1#milestones'])
      insert.run(crypto.randomUUID(), freelancer.id, link)
    expect(await markNotificationsReadByLink(freelancer.id, '/contracts/1', new Date(5_000))).toBe(3)
    const rows = getDb()
      .$client.prepare('select link, read_at as readAt from notifications where user_id = ? order by link')
      .all(freelancer.id)
    expect(rows).toEqual([
      { link: '/contracts/1', readAt: 5_000 },
      { link: '/contracts/1#milestones', readAt: 5_000 },
      { link: '/contracts/12', readAt: null },
      { link: '/contracts/1?tab=files', readAt: 5_000 },
    ])
  })
})

describe('the freelancer dashboard, all of it', () => {
  it('shows the profile, its gaps, the work counts, earnings, active contracts and matching projects of one freelancer', async () => {
    const mark = crypto.randomUUID().slice(0, 8)
    const [zig, odin, nim] = [`Zig ${mark}`, `Odin ${mark}`, `Nim ${mark}`]
    const skill = await ensureSkills([zig, odin, nim])
    const { user: freelancer } = await freelancerWithBank(5_000)
    await updateFreelancerProfile(freelancer.id, {
      headline: 'Systems programming in Zig',
      bio: 'Too short a bio.',
      hourlyRateMinor: 45_00,
      currency: 'EUR',
    })
    await replaceFreelancerSkills(freelancer.id, [skill.get(zig)!, skill.get(odin)!])
    const ada = await createTestUser('client', { name: 'Ada Client' })
    const bea = await createTestUser('client', { name: 'Bea Client' })
    const stranger = await createTestUser('freelancer', { name: 'Sam Stranger' })

    const first = await insertFixedContract({
      clientId: ada.id,
      freelancerId: freelancer.id,
      amounts: [1_000_00],
      title: 'Allocator',
    })
    const second = await insertFixedContract({
      clientId: bea.id,
      freelancerId: freelancer.id,
      amounts: [500_00],
      title: 'Parser',
    })
    const ended = await insertFixedContract({
      clientId: ada.id,
      freelancerId: freelancer.id,
      amounts: [100_00],
      title: 'Old job',
    })
    await insertFixedContract({ clientId: ada.id, freelancerId: stranger.id, amounts: [100_00], title: 'Not theirs' })
    const db = getDb().$client
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 2 * DAY, first.contract.id)
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 3 * DAY, second.contract.id)
    db.prepare("update contracts set status = 'ended', ended_at = ? where id = ?").run(START, ended.contract.id)
    // Released to the wallet after the fee: counted as earned (the wallet's bank top-up is not).
    writeFundedRelease({ id: first.contract.id, freelancerId: freelancer.id }, 1_000_00, {
      fundedAt: new Date(START),
      releasedAt: new Date(START + DAY),
    })

    const older = await postProject(ada.id, 'Older match', [zig], 20)
    const both = await postProject(bea.id, 'Both skills', [odin, zig, nim], 21)
    const closed = await postProject(ada.id, 'Closed match', [odin], 22)
    await postProject(ada.id, 'No match', [nim], 23)
    await closeProjectWithoutHire(closed)
    const viewed = await propose(older, freelancer.id, 24)
    await propose(both, freelancer.id, 25)
    await markProposalViewed(viewed.id, new Date(START + 26 * DAY))

    const dashboard = await getFreelancerDashboard(freelancer.id)
    expect(dashboard.work).toEqual({
      proposalsOpen: 2,
      proposalsViewed: 1,
      activeContracts: 2,
      earned: [{ currency: 'USD', amountMinor: 90_000 }],
    })
    expect(dashboard.activeContracts).toEqual([
      { id: second.contract.id, title: 'Parser', otherName: 'Bea Client', type: 'fixed' },
      { id: first.contract.id, title: 'Allocator', otherName: 'Ada Client', type: 'fixed' },
    ])
    expect(dashboard.profile).toMatchObject({ hourlyRateMinor: 45_00, currency: 'EUR', skills: [odin, zig] })
    expect(dashboard.completeness).toEqual({
      percent: 50,
      missing: ['Write a bio of at least 100 characters', 'Add at least three skills'],
    })
    expect(dashboard.onboarding.map((step) => [step.href, step.done])).toEqual(
      (await import('./onboarding'))
        .onboardingSteps('freelancer', {
          hasProject: true,
          profileComplete: false,
          hasProposal: true,
          hasPayoutMethod: true,
          hasSecondFactor: false,
        })
        .map((step) => [step.href, step.done]),
    )
    expect(dashboard.matches.total).toBe(2)
    expect(
      dashboard.matches.rows.map(
        ({ id, title, budgetType, budgetMinMinor, budgetMaxMinor, currency, createdAt, skills }) => ({
          id,
          title,
          budgetType,
          budgetMinMinor,
          budgetMaxMinor,
          currency,
          createdAt,
          skills,
        }),
      ),
    ).toEqual([
      {
        id: both,
        title: 'Both skills',
        budgetType: 'fixed',
        budgetMinMinor: 0,
        budgetMaxMinor: 1_000_00,
        currency: 'USD',
        createdAt: new Date(START + 21 * DAY),
        // The list names the freelancer's own skills among those the project asks (not Nim).
        skills: [odin, zig],
      },
      {
        id: older,
        title: 'Older match',
        budgetType: 'fixed',
        budgetMinMinor: 0,
        budgetMaxMinor: 1_000_00,
        currency: 'USD',
        createdAt: new Date(START + 20 * DAY),
        skills: [zig],
      },
    ])
  })
})
