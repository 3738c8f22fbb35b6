import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from './db.server'
import { insertReviewedContractsBulk } from './large-seed.server'
import { ensureSkills } from './profiles.server'
import { countProjects, searchProjects } from './project-search.server'
import type { ProjectSearchInput } from './project-search/types'
import { insertProjectsBulk, type BulkProject } from './projects.server'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { seededRandom } from '~/utils/seeded-random'

/**
 * Pins the whole answer of the search (rows and their order, snippets, total, every facet count)
 * for broad and narrow searches over one deterministic set of projects, so a faster query plan
 * must give the same bytes. The snapshot was taken before the search was reworked for speed.
 */

const NOW = new Date('2026-11-20T12:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const SKILLS = ['React', 'TypeScript', 'Python', 'Figma', 'Node.js', 'SQL']
const WORDS = ['react', 'dashboard', 'python', 'shop', 'api', 'design', 'mobile', 'data', 'report', 'chart']
const FILLER = ['with', 'for', 'the', 'team', 'and', 'clean', 'fast', 'simple']

async function seed() {
  const next = seededRandom(20) // the same projects on every run
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const skillIds = await ensureSkills(SKILLS)
  const clients: Array<{ id: string }> = []
  for (let i = 0; i < 6; i++) clients.push(await createTestUser('client', { name: `Client ${i}` }))
  const freelancer = await createTestUser('freelancer')
  const label = new Map<string, string>(clients.map((client, i) => [client.id, `client ${i}`]))
  const rows: BulkProject[] = []
  for (let i = 0; i < 240; i++) {
    const words = (n: number) => Array.from({ length: n }, () => pick(next() < 0.15 ? WORDS : FILLER)).join(' ')
    const type = next() < 0.5 ? 'fixed' : 'hourly'
    const low = Math.floor(next() * 50) * 1_000
    const roll = next()
    const row = bulkProject(pick(clients).id, new Date(NOW.getTime() - i * 7 * HOUR - Math.floor(next() * HOUR)), {
      title: `P${i} ${words(3)}`,
      description: `${words(12)}. ${words(30)}`,
      budgetType: type,
      budgetMinMinor: type === 'fixed' ? 0 : low,
      budgetMaxMinor: low + Math.floor(next() * 40) * 1_000,
      currency: next() < 0.85 ? 'USD' : 'JPY',
      experienceLevel: pick(['entry', 'intermediate', 'expert'] as const),
      status: roll < 0.1 ? 'closed' : 'open',
      visibility: roll > 0.95 ? 'invite_only' : 'public',
      hiddenAt: roll > 0.9 && roll <= 0.95 ? NOW : null,
      skillIds: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => skillIds.get(pick(SKILLS))!))],
    })
    label.set(row.id, `P${i}`)
    rows.push(row)
  }
  await insertProjectsBulk(rows)
  // Clients 0–3 reviewed by freelancers (ratings 5, 4.5, 4 and 3); 4 and 5 unrated.
  const ratings = [[5], [5, 4], [4, 4], [3]]
  const past: BulkProject[] = []
  const reviewed = ratings.flatMap((list, c) =>
    list.map((rating) => {
      const project = bulkProject(clients[c]!.id, new Date(NOW.getTime() - 90 * DAY), { status: 'closed' })
      past.push(project)
      return {
        projectId: project.id,
        title: project.title,
        clientId: clients[c]!.id,
        freelancerId: freelancer.id,
        amountMinor: 1_000,
        endedAt: NOW.getTime() - 30 * DAY,
        clientRating: rating,
        freelancerRating: 5,
      }
    }),
  )
  await insertProjectsBulk(past)
  await insertReviewedContractsBulk(reviewed)
  return label
}

const SEARCHES: ProjectSearchInput[] = [
  { q: 'react' },
  { q: 'react', skills: ['React'], budgetType: 'fixed' },
  { q: 'data', skills: ['Python', 'SQL'], budgetType: 'hourly' },
  { q: 'design', skills: ['Figma'], budgetType: 'fixed', page: 2, pageSize: 5 },
  { q: 'dash' },
  { q: 'react dashboard', skills: ['React'], budgetType: 'fixed' },
  { q: 'python report', budgetType: 'hourly', postedWithinDays: 30 },
  { q: 'shop', clientRatingMin: 4 },
  { q: 'api', clientRatingMin: 4.5, skills: ['Node.js'] },
  { q: 'mobile', sort: 'newest' },
  { q: 'chart', sort: 'budget_high', budgetMin: 10, budgetMax: 30 },
  { q: 'data', sort: 'budget_low', experienceLevel: 'expert' },
  { q: 'react', page: 3, pageSize: 4 },
  { q: 'react', page: 40 },
  { q: 'nothingmatchesthis' },
  { q: 'react', skills: ['NoSuchSkill'] },
  { q: 'react', skills: ['React', 'NoSuchSkill'] },
  { sort: 'newest' },
  { skills: ['React'], budgetType: 'fixed' },
  { skills: ['Figma'], clientRatingMin: 4, sort: 'budget_high' },
  { budgetType: 'hourly', postedWithinDays: 14 },
  { q: 'team', skillFacetSize: 3 },
]

describe('searchProjects answers (pinned)', () => {
  it('gives the same rows, order, snippets, totals and facet counts for broad and narrow searches', async () => {
    const label = await seed()
    const named = (id: string) => label.get(id) ?? id
    const answers = []
    for (const input of SEARCHES) {
      const result = await searchProjects({ pageSize: 10, ...input, now: NOW })
      answers.push({
        input,
        total: result.total,
        queryError: result.queryError,
        facets: result.facets,
        counted: await countProjects({ ...input, now: NOW }),
        rows: result.rows.map(({ id, clientId, ...row }) => ({
          ...row,
          id: named(id),
          clientId: named(clientId),
          createdAt: row.createdAt.toISOString(),
        })),
      })
    }
    // Broad searches match many projects (the counts are worth pinning); narrow ones a few.
    expect(answers[0]!.total).toBeGreaterThan(50)
    expect(answers[5]!.total).toBeGreaterThan(0)
    expect(answers[5]!.total).toBeLessThan(answers[0]!.total / 3)
    expect(answers).toMatchSnapshot()

    // Each posted-within and level choice counts what the search with that choice finds (its own
    // filter replaced, every other kept), also later on, when the kept counts are older than `now`.
    for (const now of [NOW, new Date(NOW.getTime() + 20 * HOUR)]) {
      for (const input of SEARCHES) {
        const { facets } = await searchProjects({ ...input, now })
        for (const { value, count } of facets.postedWithin)
          expect([input, value, count]).toEqual([
            input,
            value,
            (await searchProjects({ ...input, postedWithinDays: Number(value), now })).total,
          ])
        for (const { value, count } of facets.experienceLevel)
          expect([input, value, count]).toEqual([
            input,
            value,
            (await searchProjects({ ...input, experienceLevel: value, now })).total,
          ])
      }
    }
  })

  it('keeps counts only while no project, project skill or skill name has changed', async () => {
    const skillIds = await ensureSkills(['Elm', 'Haskell'])
    const client = await createTestUser('client')
    const word = `kept${crypto.randomUUID().slice(0, 8)}`
    const post = async (skill: string, fields: Partial<BulkProject> = {}) => {
      const row = bulkProject(client.id, new Date(NOW.getTime() - HOUR), {
        title: `${word} app`,
        skillIds: [skillIds.get(skill)!],
        ...fields,
      })
      await insertProjectsBulk([row])
      return row
    }
    const counts = async () => {
      const result = await searchProjects({ q: word, budgetType: 'fixed', now: NOW })
      return { total: result.total, types: result.facets.budgetType, skills: result.facets.skills }
    }
    const first = await post('Elm')
    await post('Haskell', { budgetType: 'hourly' })
    expect(await counts()).toEqual({
      total: 1,
      types: [
        { value: 'fixed', count: 1 },
        { value: 'hourly', count: 1 },
      ],
      skills: [{ value: 'Elm', count: 1 }],
    })
    // Asked twice with nothing written: the same (kept) answer.
    expect(await counts()).toEqual(await counts())

    await post('Haskell')
    expect((await counts()).total).toBe(2)
    getDb().run(sql`update projects set status = 'closed' where id = ${first.id}`)
    expect(await counts()).toMatchObject({ total: 1, skills: [{ value: 'Haskell', count: 1 }] })
    getDb().run(sql`insert into project_skills (project_id, skill_id) select id, ${skillIds.get('Elm')!} from projects
      where title = ${`${word} app`} and status = 'open' and budget_type = 'fixed'`)
    expect((await counts()).skills).toEqual([
      { value: 'Elm', count: 1 },
      { value: 'Haskell', count: 1 },
    ])
    getDb().run(sql`update skills set name = 'Elm language' where name = 'Elm'`)
    expect((await counts()).skills.map((facet) => facet.value)).toEqual(['Elm language', 'Haskell'])
    getDb().run(sql`delete from projects where title = ${`${word} app`} and budget_type = 'fixed'`)
    expect(await counts()).toMatchObject({ total: 0, skills: [] })
  })
})
