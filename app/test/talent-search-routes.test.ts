import { describe, expect, it } from 'vitest'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from '~/models/profiles.server'
import { findSavedSearchOf, listSavedSearchesOf } from '~/models/saved-searches.server'
import { listNotifications } from '~/models/notifications.server'
import { loader as talentLoader } from '~/routes/_browse.freelancers._index'
import { action as savedAction, loader as savedLoader } from '~/routes/_portal.saved-searches'
import { runSavedSearchAlerts, saveSearch } from '~/services/marketplace/saved-searches.server'
import { buildSitemap } from '~/services/discovery/sitemap.server'
import { siteOrigin } from '~/utils/env.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

function tag() {
  return `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`
}

async function listedFreelancer(word: string, skills = ['Figma'], rate = 4000) {
  const user = await createTestUser('freelancer', { name: `Dana ${word}` })
  await updateFreelancerProfile(user.id, { headline: `Brand designer ${word}`, hourlyRateMinor: rate })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills(skills)).values()])
  return user
}

type TalentPage = {
  total: number
  rows: Array<{ id: string; name: string; skills: string[] }>
  problems: string[]
  params: { skills: string[]; min: string; max: string; sort: string; page: number }
  canSave: boolean
  sortExplanation: string
}

async function talentPage(query: string, cookie?: string): Promise<TalentPage> {
  const response = await run(talentLoader, getRequest(`/freelancers?${query}`, cookie))
  expect(response.status).toBe(200)
  return (await response.json()) as TalentPage
}

describe('/freelancers', () => {
  it('lets anyone search; typed skills are read through the taxonomy; only a client may save', async () => {
    const word = tag()
    const figma = await listedFreelancer(word)
    await listedFreelancer(word, ['Kubernetes'])
    const page = await talentPage(`q=${word}&skill=figma`)
    expect(page.rows.map((row) => row.id)).toEqual([figma.id])
    expect(page.params.skills).toEqual(['Figma'])
    expect(page.canSave).toBe(false)
    expect(page.sortExplanation).toMatch(/^Best match/)
    expect((await talentPage(`q=${word}&skill=k8s`)).total).toBe(1)

    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    expect((await talentPage(`q=${word}`, await signedInCookie(client.id))).canSave).toBe(true)
    expect((await talentPage(`q=${word}`, await signedInCookie(freelancer.id))).canSave).toBe(false)
    // Nothing to narrow: nothing worth saving.
    expect((await talentPage('', await signedInCookie(client.id))).canSave).toBe(false)
  })

  it('answers odd query strings with the page and what was left out, never a 500', async () => {
    const word = tag()
    await listedFreelancer(word)
    const odd = await talentPage(
      `q=${word}&skill=Underwater+basket+weaving&min=lots&max=-3&rating=9&available=x&sort=zzz`,
    )
    expect(odd.total).toBe(1)
    expect(odd.params).toMatchObject({ skills: [], min: '', max: '', sort: 'relevance' })
    expect(odd.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Underwater basket weaving'),
        'Minimum rate must be a number; it was ignored.',
        'Maximum rate must be a number; it was ignored.',
      ]),
    )
    expect((await talentPage(`q=${word}&min=90&max=10`)).params).toMatchObject({ min: '10', max: '90' })
    for (const query of [
      'page=1e20',
      'page=-1',
      'page=99999',
      'q=%22(*',
      'skill=&skill=&skill=',
      `${'skill=a&'.repeat(40)}`,
      'q=' + 'x'.repeat(5000),
      'min=1e400',
      'sort=rate_low&sort=rating',
    ])
      await talentPage(query)
  })

  it('is in the sitemap', async () => {
    expect(await buildSitemap(siteOrigin(), null)).toContain(`<loc>${siteOrigin()}/freelancers</loc>`)
  })
})

describe('a client’s saved talent searches', () => {
  it('saves, lists with its own link, renames and deletes a talent search; a freelancer cannot touch it', async () => {
    const word = tag()
    const client = await createTestUser('client')
    const cookie = await signedInCookie(client.id)
    const saved = await run(
      savedAction,
      formRequest(
        '/saved-searches',
        { intent: 'create', name: '', query: `skill=figma&q=${word}&page=2`, notify: 'on' },
        cookie,
      ),
    )
    expect(saved.status).toBe(302)
    const [search] = await listSavedSearchesOf(client.id)
    expect(search).toMatchObject({ kind: 'freelancers', query: `q=${word}&skill=Figma`, name: `“${word}” · Figma` })

    const list = (await (await run(savedLoader, getRequest('/saved-searches', cookie))).json()) as {
      kind: string
      searches: Array<{ href: string; description: string }>
    }
    expect(list.kind).toBe('freelancers')
    expect(list.searches[0]).toMatchObject({ href: `/freelancers?q=${word}&skill=Figma` })

    const empty = await run(
      savedAction,
      formRequest('/saved-searches', { intent: 'rename', searchId: search!.id, name: '  ' }, cookie),
    )
    expect(empty.status).toBe(400)
    const renamed = await run(
      savedAction,
      formRequest('/saved-searches', { intent: 'rename', searchId: search!.id, name: 'Brand designers' }, cookie),
    )
    expect(renamed.status).toBe(302)
    expect(await findSavedSearchOf(client.id, search!.id)).toMatchObject({ name: 'Brand designers' })

    const stranger = await signedInCookie((await createTestUser('freelancer')).id)
    for (const intent of ['rename', 'delete'])
      expect(
        (
          await run(
            savedAction,
            formRequest('/saved-searches', { intent, searchId: search!.id, name: 'Mine' }, stranger),
          )
        ).status,
      ).toBe(404)
    expect(
      (await run(savedAction, formRequest('/saved-searches', { intent: 'delete', searchId: search!.id }, cookie)))
        .status,
    ).toBe(302)
    expect(await listSavedSearchesOf(client.id)).toEqual([])
  })

  it('tells the client once about freelancers who joined since and match', async () => {
    const word = tag()
    const client = await createTestUser('client')
    const before = new Date(Date.now() - 60_000)
    const outcome = await saveSearch(
      client.id,
      { name: 'Designers', query: `q=${word}&max=50`, notify: true },
      before,
      'freelancers',
    )
    if (!outcome.ok) throw new Error(outcome.message)
    await listedFreelancer(word)
    await listedFreelancer(word)
    await listedFreelancer(word, ['Figma'], 9000) // above the rate asked for
    await createTestUser('freelancer', { name: `Incomplete ${word}` })

    const now = new Date(Date.now() + 1000)
    await runSavedSearchAlerts(now)
    const mine = await listNotifications(client.id, { limit: 10, offset: 0 })
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      kind: 'saved_search_match',
      title: '2 new freelancers match “Designers”',
      link: `/freelancers?q=${word}&max=50`,
    })
    await runSavedSearchAlerts(new Date(now.getTime() + 60_000))
    expect(await listNotifications(client.id, { limit: 10, offset: 0 })).toHaveLength(1)
  })
})
