import { describe, expect, it } from 'vitest'
import { markNotificationsReadByLink } from '~/models/notifications.server'
import { replaceFreelancerSkills } from '~/models/profiles.server'
import { closeProjectWithoutHire, createProjectWithSkills } from '~/models/projects.server'
import { insertProposal } from '~/models/proposals.server'
import { createTestUser } from '~/test/users'
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
    expect(dashboard.matches.rows.map((row) => [row.id, row.matchedSkills, row.skills])).toEqual([
      [both, 2, [also, ours]],
      [older, 1, [ours]],
    ])
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
