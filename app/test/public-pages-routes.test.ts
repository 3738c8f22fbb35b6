import { afterEach, describe, expect, it } from 'vitest'
import { closeProjectWithoutHire, createProjectWithSkills, setProjectHidden } from '~/models/projects.server'
import { blockUser } from '~/models/users.server'
import { updateFreelancerProfile } from '~/models/profiles.server'
import { loader as findWorkLoader } from '~/routes/_browse.projects._index'
import { loader as projectLoader } from '~/routes/_browse.projects_.$projectId._index'
import { loader as profileLoader } from '~/routes/_browse.freelancers.$userId'
import { loader as sitemapLoader } from '~/routes/sitemap[.]xml'
import { loader as sitemapPageLoader } from '~/routes/sitemaps.$page'
import { loader as robotsLoader } from '~/routes/robots[.]txt'
import { loader as portfolioImageLoader } from '~/routes/_portal.portfolio.images.$imageId'
import { listPortfolioItems } from '~/models/portfolio.server'
import { addPortfolioItem } from '~/services/marketplace/portfolio.server'
import { action as visibilityAction } from '~/routes/_portal.settings.discovery'
import { action as newProjectAction } from '~/routes/_portal.projects_.new'
import { buildSitemap } from '~/services/discovery/sitemap.server'
import { resetEnvForTests, siteOrigin } from '~/utils/env.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie, twoTestUsers } from './users'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** A portfolio item with one image; the image's upload id. */
async function portfolioImage(freelancerId: string): Promise<string> {
  const files = new FormData()
  files.append('images', new File([PNG], 'shop.png', { type: 'image/png' }))
  const values = { title: 'Bakery shop', description: '', links: '' }
  expect((await addPortfolioItem(freelancerId, values, files, false)).ok).toBe(true)
  return (await listPortfolioItems(freelancerId))[0]!.images[0]!.uploadId
}

async function postProject(clientId: string, overrides: { visibility?: 'public' | 'invite_only' } = {}) {
  return createProjectWithSkills(
    {
      clientId,
      title: 'Build a React dashboard',
      description: 'A dashboard in React and TypeScript for our sales figures, with charts and CSV export.',
      budgetType: 'fixed',
      budgetMinMinor: 0,
      budgetMaxMinor: 120000,
      currency: 'USD',
      experienceLevel: 'intermediate',
      visibility: overrides.visibility ?? 'public',
    },
    ['React', 'TypeScript'],
  )
}

describe('public discovery', () => {
  it('lets a visitor search and read a public project with its JobPosting; hidden, invite-only and blocked stay 404', async () => {
    const client = await createTestUser('client', { name: 'Acme Ltd' })
    const id = await postProject(client.id)
    expect((await run(findWorkLoader, getRequest('/projects?q=dashboard'))).status).toBe(200)
    const page = await run(projectLoader, getRequest(`/projects/${id}`), { projectId: id })
    expect(page.status).toBe(200)
    const data = (await page.json()) as {
      signedIn: boolean
      seo: { canonical: string; jsonLd: Record<string, unknown> }
    }
    expect(data.signedIn).toBe(false)
    expect(data.seo.canonical).toBe(`${siteOrigin()}/projects/${id}`)
    expect(data.seo.jsonLd).toMatchObject({
      '@type': 'JobPosting',
      skills: 'React, TypeScript',
      baseSalary: { currency: 'USD', value: { value: 1200 } },
      hiringOrganization: { name: 'Acme Ltd' },
    })

    const inviteOnly = await postProject(client.id, { visibility: 'invite_only' })
    expect((await run(projectLoader, getRequest(`/projects/${inviteOnly}`), { projectId: inviteOnly })).status).toBe(
      404,
    )
    await setProjectHidden(id, { at: new Date(), reason: 'spam' })
    expect((await run(projectLoader, getRequest(`/projects/${id}`), { projectId: id })).status).toBe(404)

    const blocked = await createTestUser('client')
    const ofBlocked = await postProject(blocked.id)
    await blockUser(blocked.id, 'fraud')
    expect((await run(projectLoader, getRequest(`/projects/${ofBlocked}`), { projectId: ofBlocked })).status).toBe(404)
  })

  it('shows a profile to visitors unless kept to members (then sign in), and blocked freelancers are 404', async () => {
    const freelancer = await createTestUser('freelancer', { name: 'Ada Visible' })
    const open = await run(profileLoader, getRequest(`/freelancers/${freelancer.id}`), { userId: freelancer.id })
    expect(open.status).toBe(200)
    expect(((await open.json()) as { seo: { jsonLd: unknown } }).seo.jsonLd).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Ada Visible' },
    })

    const cookie = await signedInCookie(freelancer.id)
    const saved = await run(visibilityAction, formRequest('/settings/discovery', { membersOnly: 'on' }, cookie))
    expect(saved.status).toBe(302)
    const hidden = await run(profileLoader, getRequest(`/freelancers/${freelancer.id}`), { userId: freelancer.id })
    expect(hidden.status).toBe(302)
    expect(hidden.headers.get('location')).toBe(`/sign-in?redirectTo=%2Ffreelancers%2F${freelancer.id}`)
    const member = await signedInCookie((await createTestUser('client')).id)
    expect(
      (await run(profileLoader, getRequest(`/freelancers/${freelancer.id}`, member), { userId: freelancer.id })).status,
    ).toBe(200)

    const blocked = await createTestUser('freelancer')
    await blockUser(blocked.id, 'fraud')
    expect((await run(profileLoader, getRequest(`/freelancers/${blocked.id}`), { userId: blocked.id })).status).toBe(
      404,
    )
  })

  it('offers a signed-in client their open projects to invite the freelancer to; nobody else', async () => {
    const freelancer = await createTestUser('freelancer')
    const client = await createTestUser('client')
    const open = await postProject(client.id)
    const closed = await postProject(client.id)
    await closeProjectWithoutHire(closed)
    const profileOf = async (cookie?: string) =>
      (await (
        await run(profileLoader, getRequest(`/freelancers/${freelancer.id}`, cookie), { userId: freelancer.id })
      ).json()) as { invitableProjects: { id: string; title: string }[] | null }
    expect((await profileOf(await signedInCookie(client.id))).invitableProjects).toEqual([
      { id: open, title: 'Build a React dashboard' },
    ])
    expect((await profileOf()).invitableProjects).toBeNull()
    expect(
      (await profileOf(await signedInCookie((await createTestUser('freelancer')).id))).invitableProjects,
    ).toBeNull()
  })

  it('shows a public profile’s portfolio images to visitors too, and only where the profile itself is readable', async () => {
    const [freelancer, membersOnly] = await twoTestUsers('freelancer')
    const image = async (imageId: string, cookie?: string) =>
      run(portfolioImageLoader, getRequest(`/portfolio/images/${imageId}`, cookie), { imageId })

    // The profile a visitor reads shows this image, so the image loads for them as well.
    const open = await portfolioImage(freelancer.id)
    const shown = await image(open)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG)

    // A profile kept to members asks a visitor to sign in, its images too; members see them.
    const kept = await portfolioImage(membersOnly.id)
    const cookie = await signedInCookie(membersOnly.id)
    await run(visibilityAction, formRequest('/settings/discovery', { membersOnly: 'on' }, cookie))
    const asked = await image(kept)
    expect(asked.status).toBe(302)
    expect(asked.headers.get('location')).toBe(`/sign-in?redirectTo=%2Fportfolio%2Fimages%2F${kept}`)
    const member = await signedInCookie((await createTestUser('client')).id)
    expect((await image(kept, member)).status).toBe(200)

    // A blocked freelancer's profile is 404 to visitors and members alike, and so are its images; unknown ids too.
    await blockUser(freelancer.id, 'fraud')
    expect((await image(open)).status).toBe(404)
    expect((await image(open, member)).status).toBe(404)
    expect((await image(crypto.randomUUID())).status).toBe(404)
  })

  it('warns a profile’s readers when its headline or bio asks to move contact off MegiLance', async () => {
    const [plain, flagged] = await twoTestUsers('freelancer')
    await updateFreelancerProfile(plain.id, { headline: 'React developer', bio: 'I build dashboards for shops.' })
    await updateFreelancerProfile(flagged.id, {
      headline: 'React developer',
      bio: 'I build dashboards for shops. Skip the fees: message me on Telegram @fast_dev_pay.',
    })
    const reasons = async (userId: string) =>
      (
        (await (await run(profileLoader, getRequest(`/freelancers/${userId}`), { userId })).json()) as {
          profile: { offPlatformReasons: string[] }
        }
      ).profile.offPlatformReasons
    expect(await reasons(plain.id)).toEqual([])
    expect(await reasons(flagged.id)).toEqual(['telegram'])
  })

  it('lists listed projects and public freelancers in the sitemap, split into an index past the limit', async () => {
    const client = await createTestUser('client')
    const project = await postProject(client.id)
    const hiddenProject = await postProject(client.id)
    await setProjectHidden(hiddenProject, { at: new Date(), reason: 'spam' })
    const [freelancer, membersOnly] = await twoTestUsers('freelancer')
    await run(
      visibilityAction,
      formRequest('/settings/discovery', { membersOnly: 'on' }, await signedInCookie(membersOnly.id)),
    )

    const sitemap = await run(sitemapLoader, getRequest('/sitemap.xml'))
    expect(sitemap.headers.get('content-type')).toContain('application/xml')
    const xml = await sitemap.text()
    expect(xml).toContain('<urlset')
    expect(xml).toContain(`<loc>${siteOrigin()}/projects/${project}</loc>`)
    expect(xml).toContain(`<loc>${siteOrigin()}/freelancers/${freelancer.id}</loc>`)
    expect(xml).not.toContain(hiddenProject)
    expect(xml).not.toContain(membersOnly.id)

    // With three URLs a file, the same entries spread over an index and its pages, each URL once.
    const index = await buildSitemap(siteOrigin(), null, 3)
    const pages = [...index.matchAll(/<loc>[^<]+\/sitemaps\/(\d+)<\/loc>/g)].map((m) => Number(m[1]))
    expect(index).toContain('<sitemapindex')
    const locs = (await Promise.all(pages.map((n) => buildSitemap(siteOrigin(), n, 3)))).flatMap((part) =>
      [...part.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]),
    )
    const single = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toEqual(single)
    expect((await run(sitemapPageLoader, getRequest('/sitemaps/1'), { page: '1' })).status).toBe(404)

    const robots = await (await run(robotsLoader, getRequest('/robots.txt'))).text()
    expect(robots).toContain(`Sitemap: ${siteOrigin()}/sitemap.xml`)
    expect(robots).toContain('Disallow: /settings')
  })
})

describe('the site origin in what search engines and caches keep', () => {
  afterEach(() => {
    delete process.env.APP_URL
    resetEnvForTests()
  })

  /** A request as the server builds it from a forged Host header: the URL carries that host. */
  const forged = (path: string) =>
    new Request(`http://attacker.example${path}`, { headers: { 'x-forwarded-host': 'attacker.example' } })

  async function printed() {
    const client = await createTestUser('client')
    const project = await postProject(client.id)
    const freelancer = await createTestUser('freelancer')
    const projectPage = await run(projectLoader, forged(`/projects/${project}`), { projectId: project })
    const profile = await run(profileLoader, forged(`/freelancers/${freelancer.id}`), { userId: freelancer.id })
    return [
      await (await run(sitemapLoader, forged('/sitemap.xml'))).text(),
      await (await run(robotsLoader, forged('/robots.txt'))).text(),
      JSON.stringify(await projectPage.json()),
      JSON.stringify(await profile.json()),
    ].join('\n')
  }

  it('never comes from a forged Host header: APP_URL unset, it is this machine (http://localhost:PORT)', async () => {
    const text = await printed()
    expect(text).not.toContain('attacker.example')
    expect(text).toContain(`Sitemap: http://localhost:${process.env.PORT ?? 3000}/sitemap.xml`)
    expect(text).toContain(`<loc>http://localhost:${process.env.PORT ?? 3000}/projects</loc>`)
  })

  it('is APP_URL when it is set', async () => {
    process.env.APP_URL = 'https://megilance.example/'
    resetEnvForTests()
    const text = await printed()
    expect(text).not.toContain('attacker.example')
    expect(text).not.toContain('localhost')
    expect(text).toContain('Sitemap: https://megilance.example/sitemap.xml')
    expect(text).toMatch(/"canonical":"https:\/\/megilance\.example\/projects\//)
    expect(text).toMatch(/"canonical":"https:\/\/megilance\.example\/freelancers\//)
  })
})

describe('skills from words', () => {
  it('offers a phrase on Find work as skills and related skills beside a chosen one', async () => {
    const page = await run(findWorkLoader, getRequest('/projects?q=k8s+and+helm+charts&skill=Logo+Design'))
    const data = (await page.json()) as { wordSkills: string[]; nearSkills: string[] }
    expect(data.wordSkills.slice(0, 2).sort()).toEqual(['Helm', 'Kubernetes'])
    expect(data.nearSkills).toContain('Print Design')
  })

  it('offers the skill a misspelt search means when it found nothing, and never a skill of another trade', async () => {
    const typo = (await (await run(findWorkLoader, getRequest('/projects?q=pyhton+scrapers'))).json()) as {
      total: number
      wordSkills: string[]
    }
    expect(typo.total).toBe(0)
    expect(typo.wordSkills[0]).toBe('Python')
    const near = (await (await run(findWorkLoader, getRequest('/projects?skill=Front-end+Development'))).json()) as {
      nearSkills: string[]
    }
    expect(near.nearSkills).not.toContain('Business Development')
  })

  it('offers the corrected words of a misspelt search that found nothing, with what they find, filters kept', async () => {
    const client = await createTestUser('client')
    await postProject(client.id)
    type Found = { total: number; correction: { q: string; total: number } | null }
    const find = async (search: string) => (await (await run(findWorkLoader, getRequest(search))).json()) as Found
    const typo = await find('/projects?q=react+dashbord&type=fixed')
    expect(typo.total).toBe(0)
    expect(typo.correction).toEqual({ q: 'react dashboard', total: expect.any(Number) })
    expect(typo.correction!.total).toBe((await find('/projects?q=react+dashboard&type=fixed')).total)
    // A correction that finds nothing with the filters kept is not offered; nor one for real words.
    expect((await find('/projects?q=react+dashbord&type=hourly&level=expert&min=900000')).correction).toBeNull()
    expect((await find('/projects?q=zebra+accordion')).correction).toBeNull()
    expect((await find('/projects?q=react+dashboard')).correction).toBeNull()
  })

  it('finds the work a trade’s name asks for: "copywriter" finds Copywriting projects', async () => {
    const client = await createTestUser('client')
    await createProjectWithSkills(
      {
        clientId: client.id,
        title: 'Words for our new shop page',
        description: 'Short, friendly sales text for six product pages.',
        budgetType: 'fixed',
        budgetMinMinor: 0,
        budgetMaxMinor: 40000,
        currency: 'USD',
        experienceLevel: 'entry',
        visibility: 'public',
      },
      ['Copywriting'],
    )
    const found = (await (await run(findWorkLoader, getRequest('/projects?q=copywriter'))).json()) as {
      rows: Array<{ title: string }>
    }
    expect(found.rows.map((row) => row.title)).toContain('Words for our new shop page')
  })

  it('suggests skills on the project form and adds one, posting nothing', async () => {
    const client = await createTestUser('client')
    const cookie = await signedInCookie(client.id)
    const fields = {
      title: 'Logo for my bakery',
      description: 'A logo and a shop sign for a small bakery.',
      skills: '',
    }
    const asked = await run(newProjectAction, formRequest('/projects/new', { ...fields, intent: 'skills' }, cookie))
    const help = ((await asked.json()) as { skillHelp: { suggested: Array<{ name: string }> } }).skillHelp
    expect(help.suggested.map((s) => s.name)).toContain('Logo Design')
    const added = await run(
      newProjectAction,
      formRequest('/projects/new', { ...fields, addSkill: 'Logo Design' }, cookie),
    )
    expect(((await added.json()) as { result: { initialValue: { skills: string } } }).result.initialValue.skills).toBe(
      'Logo Design',
    )
  })
})
