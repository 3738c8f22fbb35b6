import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { run, getRequest } from '~/test/requests'
import { getDb } from '~/models/db.server'
import {
  ensureSkills,
  replaceFreelancerSkills,
  updateClientProfile,
  updateFreelancerProfile,
} from '~/models/profiles.server'
import { createProjectWithSkills } from '~/models/projects.server'
import { insertProposal, markProposalViewed } from '~/models/proposals.server'
import ClientDashboard, { loader as clientLoader } from '~/routes/_portal.client._index'
import FreelancerDashboard, { loader as freelancerLoader } from '~/routes/_portal.freelancer._index'
import { insertFixedContract, insertHiredContract } from '~/test/escrow-fixtures'
import { createTestUser, signedInCookie } from '~/test/users'
import { keepRenderedHtml } from '~/components/portal-shell'
import { renderKeptHtml } from '~/http/kept-html.server'
import { freelancerWithBank, writeFundedRelease } from '~/test/wallet'

/**
 * The two dashboards' content as a browser gets it, pinned for one fixture: the real loader, then the
 * page rendered to HTML with its JSON (the route component alone, without the layout).
 * Ids are random per run, so each is replaced by its order of appearance.
 */

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 10, 20, 12)
const START = Date.UTC(2026, 9, 1)

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterAll(() => {
  vi.useRealTimers()
  keepRenderedHtml(undefined)
})

// The page component reads what the loader answered, as Remix hands it over (JSON).
let loaderData: unknown
vi.mock('@remix-run/react', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  useLoaderData: () => loaderData,
}))

async function renderPage(
  path: string,
  cookie: string,
  loader: (args: never) => Promise<Response>,
  Component: () => JSX.Element,
): Promise<string> {
  const response = await run(loader as never, getRequest(path, cookie))
  expect(response.status).toBe(200)
  loaderData = await response.json()
  // As a browser renders it, then as the server does (its kept HTML, made and then read back): the same.
  keepRenderedHtml(undefined)
  const html = renderToString(<Component />)
  keepRenderedHtml(renderKeptHtml)
  expect(renderToString(<Component />)).toBe(html)
  expect(renderToString(<Component />)).toBe(html)
  const ids = new Map<string, string>()
  return (
    html
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!ids.has(id)) ids.set(id, `ID${ids.size + 1}`)
        return ids.get(id)!
      })
      // React's separators between adjacent text nodes (<!-- -->) are no part of what a browser shows,
      // and rendering fewer text nodes removes them.
      .replaceAll('<!-- -->', '')
      .replace(/></g, '>\n<')
  )
}

async function postProject(clientId: string, title: string, skills: string[], day: number, budgetType = 'fixed') {
  return createProjectWithSkills(
    {
      clientId,
      title,
      description: `${title}: a project posted for the dashboard page test, long enough to be a description.`,
      budgetType: budgetType as 'fixed' | 'hourly',
      budgetMinMinor: budgetType === 'fixed' ? 0 : 30_00,
      budgetMaxMinor: budgetType === 'fixed' ? 1_250_50 : 60_00,
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

describe('the dashboards’ pages, pinned', () => {
  it('render the client dashboard for a fixture', async () => {
    const client = await createTestUser('client', { name: 'Clara Pinned' })
    await updateClientProfile(client.id, { company: 'Pinned & Co', country: 'DE' })
    const felix = await createTestUser('freelancer', { name: 'Felix <Pinned>' })
    const fiona = await createTestUser('freelancer', { name: 'Fiona Pinned' })
    const skills = ['TypeScript', 'React', 'SQLite']
    const shop = await postProject(client.id, 'Shop “front”', skills, 1)
    const api = await postProject(client.id, 'API & docs', ['SQLite'], 2, 'hourly')
    await postProject(client.id, 'No skills yet', [], 3)
    const viewed = await propose(shop, felix.id, 4)
    await propose(api, fiona.id, 5)
    await propose(shop, fiona.id, 6)
    await markProposalViewed(viewed.id, new Date(START + 7 * DAY))
    const fixed = await insertFixedContract({
      clientId: client.id,
      freelancerId: felix.id,
      amounts: [300_00, 200_50, 100_00],
      title: 'Allocator',
    })
    const hourly = await insertHiredContract({
      clientId: client.id,
      freelancerId: fiona.id,
      type: 'hourly',
      title: 'Weekly help',
      amountMinor: 40_00,
      currency: 'EUR',
    })
    const db = getDb().$client
    db.prepare("update milestones set status = 'funded' where id = ?").run(fixed.milestoneIds[0])
    db.prepare("update milestones set status = 'released' where id = ?").run(fixed.milestoneIds[1])
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 8 * DAY, fixed.contract.id)
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 9 * DAY, hourly.id)
    // The hired projects were posted before the others (SQLite's clock stamped them).
    const posted = db.prepare(
      'update projects set created_at = ? where id = (select project_id from contracts where id = ?)',
    )
    posted.run(START - 2 * DAY, fixed.contract.id)
    posted.run(START - DAY, hourly.id)

    const html = await renderPage('/client', await signedInCookie(client.id), clientLoader, ClientDashboard)
    expect(html).toMatchSnapshot()
  })

  it('render the client dashboard of a new client', async () => {
    const client = await createTestUser('client', { name: 'Nina New' })
    const html = await renderPage('/client', await signedInCookie(client.id), clientLoader, ClientDashboard)
    expect(html).toMatchSnapshot()
  })

  it('render the freelancer dashboard for a fixture', async () => {
    const skill = await ensureSkills(['Zig', 'Odin', 'Nim', 'Rust'])
    const { user: freelancer } = await freelancerWithBank(5_000)
    getDb().$client.prepare('update users set name = ? where id = ?').run('Felix Pinned', freelancer.id)
    await updateFreelancerProfile(freelancer.id, {
      headline: 'Systems programming in Zig',
      bio: 'Too short a bio.',
      hourlyRateMinor: 45_50,
      currency: 'EUR',
    })
    await replaceFreelancerSkills(freelancer.id, [skill.get('Zig')!, skill.get('Odin')!])
    const ada = await createTestUser('client', { name: 'Ada Client' })
    const bea = await createTestUser('client', { name: 'Bea <Client>' })
    const first = await insertFixedContract({
      clientId: ada.id,
      freelancerId: freelancer.id,
      amounts: [1_000_00],
      title: 'Allocator',
    })
    const second = await insertHiredContract({
      clientId: bea.id,
      freelancerId: freelancer.id,
      type: 'hourly',
      title: 'Parser “fast”',
      amountMinor: 50_00,
    })
    const db = getDb().$client
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 2 * DAY, first.contract.id)
    db.prepare('update contracts set updated_at = ? where id = ?').run(START + 3 * DAY, second.id)
    writeFundedRelease({ id: first.contract.id, freelancerId: freelancer.id }, 1_000_00, {
      fundedAt: new Date(START),
      releasedAt: new Date(START + DAY),
    })
    const older = await postProject(ada.id, 'Older match', ['Zig'], 20)
    const both = await postProject(bea.id, 'Both skills', ['Odin', 'Zig', 'Nim'], 21, 'hourly')
    for (let day = 30; day < 36; day += 1) await postProject(ada.id, `Rust job ${day}`, ['Rust', 'Nim'], day)
    for (let day = 40; day < 44; day += 1) await postProject(bea.id, `Odin job ${day}`, ['Odin'], day)
    const viewed = await propose(older, freelancer.id, 24)
    await propose(both, freelancer.id, 25)
    await markProposalViewed(viewed.id, new Date(START + 26 * DAY))

    const html = await renderPage(
      '/freelancer',
      await signedInCookie(freelancer.id),
      freelancerLoader,
      FreelancerDashboard,
    )
    expect(html).toMatchSnapshot()
  })

  it('render the freelancer dashboard when no open project asks for their skills', async () => {
    const freelancer = await createTestUser('freelancer', { name: 'Sol Lonely' })
    const skill = await ensureSkills(['Brainfuck'])
    await replaceFreelancerSkills(freelancer.id, [skill.get('Brainfuck')!])
    const html = await renderPage(
      '/freelancer',
      await signedInCookie(freelancer.id),
      freelancerLoader,
      FreelancerDashboard,
    )
    expect(html).toContain('No open project asks for your skills right now.')
    expect(html).toMatchSnapshot()
  })

  it('render the freelancer dashboard of a new freelancer', async () => {
    const freelancer = await createTestUser('freelancer', { name: 'Nils New' })
    const html = await renderPage(
      '/freelancer',
      await signedInCookie(freelancer.id),
      freelancerLoader,
      FreelancerDashboard,
    )
    expect(html).toMatchSnapshot()
  })
})
