import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { insertReviewedContractsBulk } from '~/models/large-seed.server'
import { listNotifications } from '~/models/notifications.server'
import { countProjects, searchProjects } from '~/models/project-search.server'
import { toFtsQuery } from '~/models/project-search/fts-query'
import { ensureSkills } from '~/models/profiles.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import { insertProjectsBulk, type BulkProject } from '~/models/projects.server'
import { findSavedSearchOf, setSavedSearchNotify } from '~/models/saved-searches.server'
import { bulkProject } from '~/test/bulk-projects'
import { createTestUser } from '~/test/users'
import { notifySavedSearchMatches, runSavedSearchAlerts, saveSearch } from './saved-searches.server'

const NOW = new Date('2026-11-20T12:00:00Z')

const synonymsOf = (q: string) => searchKeywords(q).qSynonyms
const DAY = 86_400_000

let counter = 0
function keyword() {
  counter += 1
  return `kw${counter}${crypto.randomUUID().slice(0, 6).replace(/-/g, '')}`
}

async function skills() {
  return ensureSkills(['React', 'TypeScript', 'Python', 'Figma', 'Kubernetes', 'UX Design'])
}

async function project(
  clientId: string,
  word: string,
  overrides: Partial<BulkProject> & { skills?: string[] } = {},
): Promise<BulkProject> {
  const ids = await skills()
  const { skills: names = ['React'], ...rest } = overrides
  const row = bulkProject(clientId, new Date(NOW.getTime() - DAY), {
    title: `Build a ${word} dashboard`,
    description: `A ${word} project with charts and reports for the sales team.`,
    budgetMinMinor: 0,
    budgetMaxMinor: 100_000,
    currency: 'USD',
    skillIds: names.map((name) => ids.get(name)!),
    ...rest,
  })
  await insertProjectsBulk([row])
  return row
}

describe('searchProjects', () => {
  it('finds open, public, visible projects only, best title match first', async () => {
    const client = await createTestUser('client')
    const word = keyword()
    const inTitle = await project(client.id, word)
    const inDescription = await project(client.id, word, {
      title: 'Charts for sales',
      createdAt: new Date(NOW.getTime() - 3600_000),
    })
    await project(client.id, word, { status: 'closed' })
    await project(client.id, word, { visibility: 'invite_only' })
    await project(client.id, word, { hiddenAt: NOW, hiddenReason: 'Spam' })

    const result = await searchProjects({ q: word, now: NOW })
    expect(result.total).toBe(2)
    expect(result.rows.map((row) => row.id)).toEqual([inTitle.id, inDescription.id])
    expect(result.rows[0]!.skills).toEqual(['React'])
    expect(result.rows[0]!.snippet).toContain(`\uE000${word}\uE001`)

    const newest = await searchProjects({ q: word, sort: 'newest', now: NOW })
    expect(newest.rows.map((row) => row.id)).toEqual([inDescription.id, inTitle.id])
    expect(await countProjects({ q: word, now: NOW })).toBe(2)
  })

  it('counts facets: skills without the skill filter, budget types without the type filter', async () => {
    const client = await createTestUser('client')
    const word = keyword()
    await project(client.id, word, { skills: ['React', 'TypeScript'] })
    await project(client.id, word, { skills: ['React'] })
    await project(client.id, word, {
      skills: ['Python'],
      budgetType: 'hourly',
      budgetMinMinor: 3000,
      budgetMaxMinor: 5000,
    })
    await project(client.id, word, {
      skills: ['Python', 'React'],
      budgetType: 'hourly',
      budgetMinMinor: 3000,
      budgetMaxMinor: 5000,
    })

    const all = await searchProjects({ q: word, now: NOW })
    expect(all.total).toBe(4)
    expect(all.facets.skills).toEqual([
      { value: 'React', count: 3 },
      { value: 'Python', count: 2 },
      { value: 'TypeScript', count: 1 },
    ])
    expect(all.facets.budgetType).toEqual([
      { value: 'fixed', count: 2 },
      { value: 'hourly', count: 2 },
    ])

    const filtered = await searchProjects({ q: word, skills: ['Python'], budgetType: 'hourly', now: NOW })
    expect(filtered.total).toBe(2)
    // The skill list ignores the skill filter (so more can be added) but keeps the type filter.
    expect(filtered.facets.skills).toEqual([
      { value: 'Python', count: 2 },
      { value: 'React', count: 1 },
    ])
    // The type counts ignore the type filter but keep the skill filter.
    expect(filtered.facets.budgetType).toEqual([{ value: 'hourly', count: 2 }])

    const twoSkills = await searchProjects({ q: word, skills: ['TypeScript', 'Python'], now: NOW })
    expect(twoSkills.total).toBe(3)

    const unknown = await searchProjects({ q: word, skills: ['Cobol'], now: NOW })
    expect(unknown.total).toBe(0)
    expect(unknown.facets.skills).toEqual([{ value: 'Cobol', count: 0 }])
  })

  it('filters by budget in major units, posted within, experience level; paginates', async () => {
    const client = await createTestUser('client')
    const word = keyword()
    await project(client.id, word, { budgetMaxMinor: 50_000, experienceLevel: 'entry' }) // $500
    await project(client.id, word, { budgetMaxMinor: 250_000, createdAt: new Date(NOW.getTime() - 10 * DAY) }) // $2,500
    await project(client.id, word, {
      budgetType: 'hourly',
      budgetMinMinor: 2_000,
      budgetMaxMinor: 4_000,
      experienceLevel: 'expert',
    }) // $20–40/h
    await project(client.id, word, { currency: 'JPY', budgetMaxMinor: 80_000 }) // ¥80,000

    expect((await searchProjects({ q: word, budgetMin: 1000, now: NOW })).total).toBe(2) // $2,500 and ¥80,000
    expect((await searchProjects({ q: word, budgetMax: 600, now: NOW })).total).toBe(2) // $500 and $20–40/h
    expect((await searchProjects({ q: word, budgetMin: 30, budgetMax: 35, now: NOW })).total).toBe(1) // the hourly range
    expect((await searchProjects({ q: word, postedWithinDays: 7, now: NOW })).total).toBe(3)
    expect((await searchProjects({ q: word, postedWithinDays: 1, now: NOW })).total).toBe(3)
    expect((await searchProjects({ q: word, experienceLevel: 'expert', now: NOW })).total).toBe(1)

    const page2 = await searchProjects({ q: word, sort: 'budget_high', pageSize: 3, page: 2, now: NOW })
    expect(page2.total).toBe(4)
    expect(page2.rows).toHaveLength(1)
    expect(page2.rows[0]!.budgetMaxMinor).toBe(4_000)
  })

  it('filters and counts by the client rating from visible reviews only', async () => {
    const word = keyword()
    const freelancer = await createTestUser('freelancer')
    const great = await createTestUser('client')
    const good = await createTestUser('client')
    const unrated = await createTestUser('client')
    const hidden = await createTestUser('client')
    const ended = NOW.getTime() - 30 * DAY
    const review = async (clientId: string, clientRating: number) => {
      const past = await project(clientId, keyword(), { status: 'closed', closeReason: 'hired' })
      return {
        projectId: past.id,
        title: past.title,
        clientId,
        freelancerId: freelancer.id,
        amountMinor: 1000,
        endedAt: ended,
        clientRating,
        freelancerRating: 5,
      }
    }
    await insertReviewedContractsBulk([await review(great.id, 5), await review(great.id, 4), await review(good.id, 4)])
    // A review only one side wrote, in a window still open: not visible, so it does not count.
    const onlyOne = await review(hidden.id, 5)
    await insertReviewedContractsBulk([{ ...onlyOne, endedAt: NOW.getTime() - DAY }])
    getDb().run(sql`delete from reviews where reviewer_id = ${hidden.id}`)

    const greatProject = await project(great.id, word)
    await project(good.id, word)
    await project(unrated.id, word)
    await project(hidden.id, word)

    const all = await searchProjects({ q: word, now: NOW })
    expect(all.total).toBe(4)
    expect(all.facets.clientRating).toEqual([
      { value: '4', count: 2 },
      { value: '4.5', count: 1 },
    ])
    const top = await searchProjects({ q: word, clientRatingMin: 4.5, now: NOW })
    expect(top.rows.map((row) => row.id)).toEqual([greatProject.id])
    expect(top.rows[0]).toMatchObject({ clientRating: 4.5, clientReviewCount: 2 })
    const byHidden = all.rows.find((row) => row.clientId === hidden.id)
    expect(byHidden).toMatchObject({ clientRating: null, clientReviewCount: 0 })
  })

  it('finds a word in either number, and a skill by its other names', async () => {
    const client = await createTestUser('client')
    // Letters only: a word with digits has no plural.
    const word = `zq${crypto.randomUUID().replace(/[^a-f]/g, '')}`
    const one = await project(client.id, word, { title: `Build a ${word} dashboard for a developer` })
    const named = await project(client.id, word, { title: `Cluster work on ${word}`, skills: ['Kubernetes'] })
    expect((await searchProjects({ q: `${word} dashboards`, now: NOW })).rows.map((r) => r.id)).toEqual([one.id])
    expect((await searchProjects({ q: `${word} developers portal`, now: NOW })).total).toBe(0)
    expect((await searchProjects({ q: `${word} developers`, now: NOW })).rows.map((r) => r.id)).toEqual([one.id])
    // "k8s" finds the project that asks for Kubernetes (the page passes the taxonomy's names).
    const k8s = await searchProjects({ q: `${word} k8s`, qSynonyms: synonymsOf(`${word} k8s`), now: NOW })
    expect(k8s.rows.map((r) => r.id)).toEqual([named.id])
    expect(await countProjects({ q: `k8s ${word}`, qSynonyms: synonymsOf('k8s'), now: NOW })).toBe(1)
    // Words in a row that name a skill ("type script" is TypeScript) find it, and still find those words.
    const typed = await project(client.id, word, { title: `Typed ${word} front end`, skills: ['TypeScript'] })
    const q = `${word} type script`
    const both = await searchProjects({ q, qSynonyms: synonymsOf(q), now: NOW })
    expect(both.rows.map((r) => r.id)).toEqual([typed.id])
    const words = await project(client.id, word, { title: `A ${word} script of every type` })
    const again = await searchProjects({ q, qSynonyms: synonymsOf(q), now: NOW })
    expect(new Set(again.rows.map((r) => r.id))).toEqual(new Set([typed.id, words.id]))
  })

  it('takes words joined by a slash as alternatives, each with its skill', async () => {
    const client = await createTestUser('client')
    const word = `zq${crypto.randomUUID().replace(/[^a-f]/g, '')}`
    const ui = await project(client.id, word, { title: `UI polish for ${word}` })
    const ux = await project(client.id, word, { title: `Research for ${word}`, skills: ['UX Design'] })
    await project(client.id, word, { title: `Backend for ${word}` })
    const q = `${word} UI/UX`
    const found = await searchProjects({ q, qSynonyms: synonymsOf(q), now: NOW })
    expect(new Set(found.rows.map((r) => r.id))).toEqual(new Set([ui.id, ux.id]))
  })

  it('never fails on odd text', async () => {
    for (const q of [
      '"',
      '"unclosed AND',
      '* OR -',
      'NEAR(a b',
      'title:x',
      '^start',
      '{a b}:c',
      "'; drop table projects; --",
      '\u0000',
    ]) {
      const result = await searchProjects({ q, now: NOW })
      expect(result.queryError).toBe(false)
      expect(Array.isArray(result.rows)).toBe(true)
    }
    expect(toFtsQuery('"')).toBeNull()
  })
})

describe('saved searches', () => {
  it('saves a search once, in canonical form', async () => {
    const freelancer = await createTestUser('freelancer')
    const first = await saveSearch(freelancer.id, { name: '', query: 'skill=React&q=dash&page=3', notify: true }, NOW)
    expect(first).toMatchObject({ ok: true, search: { name: '“dash” · React', query: 'q=dash&skill=React' } })
    expect(
      await saveSearch(freelancer.id, { name: 'Again', query: 'q=dash&skill=React', notify: true }, NOW),
    ).toMatchObject({ ok: false, reason: 'conflict', field: 'query' })
    expect(await saveSearch(freelancer.id, { name: 'All', query: 'sort=newest', notify: true }, NOW)).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'query',
    })
  })

  it('the job announces projects posted since the last check, once per search, with the count', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const other = await createTestUser('freelancer')
    const word = keyword()
    const saved = await saveSearch(
      freelancer.id,
      { name: 'Dashboards', query: `q=${word}&type=fixed`, notify: true },
      NOW,
    )
    const muted = await saveSearch(other.id, { name: 'Muted', query: `q=${word}`, notify: true }, NOW)
    if (!saved.ok || !muted.ok) throw new Error('not saved')
    await setSavedSearchNotify(other.id, muted.search.id, false, NOW)

    await project(client.id, word, { createdAt: new Date(NOW.getTime() - DAY) }) // before the search was saved
    await project(client.id, word, { createdAt: new Date(NOW.getTime() + 60_000) })
    await project(client.id, word, { createdAt: new Date(NOW.getTime() + 120_000) })
    await project(client.id, word, {
      createdAt: new Date(NOW.getTime() + 180_000),
      budgetType: 'hourly',
      budgetMinMinor: 1,
      budgetMaxMinor: 2,
    })
    await project(client.id, word, { createdAt: new Date(NOW.getTime() + 240_000), hiddenAt: NOW })

    const later = new Date(NOW.getTime() + 3600_000)
    await runSavedSearchAlerts(later)
    const mine = await listNotifications(freelancer.id, { limit: 10, offset: 0 })
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ kind: 'saved_search_match', title: '2 new projects match “Dashboards”' })
    expect(mine[0]!.link).toBe(`/projects?q=${word}&type=fixed&sort=newest`)
    expect(await listNotifications(other.id, { limit: 10, offset: 0 })).toHaveLength(0)
    expect((await findSavedSearchOf(freelancer.id, saved.search.id))?.checkedAt).toEqual(later)

    // Nothing new: no second notification.
    await runSavedSearchAlerts(new Date(later.getTime() + 3600_000))
    expect(await listNotifications(freelancer.id, { limit: 10, offset: 0 })).toHaveLength(1)
  })

  it('a newly posted project tells the searches it matches at once, and the job does not repeat it', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const word = keyword()
    const saved = await saveSearch(
      freelancer.id,
      { name: 'Python work', query: `q=${word}&skill=Python`, notify: true },
      NOW,
    )
    if (!saved.ok) throw new Error('not saved')

    const createdAt = new Date(NOW.getTime() + 60_000)
    const miss = await project(client.id, word, { skills: ['React'], createdAt })
    expect(await notifySavedSearchMatches({ ...miss, createdAt })).toBe(0)
    const hit = await project(client.id, word, { skills: ['Python'], createdAt: new Date(createdAt.getTime() + 1) })
    expect(await notifySavedSearchMatches({ ...hit, createdAt: hit.createdAt! })).toBe(1)
    const notes = await listNotifications(freelancer.id, { limit: 10, offset: 0 })
    expect(notes).toHaveLength(1)
    expect(notes[0]!.title).toBe('1 new project matches “Python work”')

    await runSavedSearchAlerts(new Date(NOW.getTime() + 3600_000))
    expect(await listNotifications(freelancer.id, { limit: 10, offset: 0 })).toHaveLength(1)
  })

  it('a saved search for "k8s" hears of a new project that asks for Kubernetes, as the page would find it', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const word = keyword()
    const saved = await saveSearch(freelancer.id, { name: '', query: `q=${word}+k8s`, notify: true }, NOW)
    if (!saved.ok) throw new Error('not saved')
    const createdAt = new Date(NOW.getTime() + 60_000)
    const hit = await project(client.id, word, { skills: ['Kubernetes'], createdAt })
    expect(await notifySavedSearchMatches({ ...hit, createdAt })).toBe(1)
  })
})
