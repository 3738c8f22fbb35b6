import { createDiscoveryFixtures } from './discovery-fixtures'
import { expect, expectPath, test } from './fixtures'

test('a visitor without an account finds a project and a profile, and is asked to sign in only to apply', async ({
  page,
}) => {
  const { keyword, projectId, title, visible, membersOnly } = await createDiscoveryFixtures()

  await page.goto('/')
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Find work' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Find work' })).toBeVisible()
  await page.getByLabel('Keywords').fill(keyword)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText(`1 open project · “${keyword}”`)).toBeVisible()
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page).toHaveURL(`/projects/${projectId}`)

  // What search engines read: a JobPosting naming the budget and the skills, and a canonical URL.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(jsonLd).toMatchObject({
    '@type': 'JobPosting',
    title,
    skills: 'Stripe, Vue.js',
    baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { value: 1500 } },
  })
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/projects/${projectId}$`))

  // A public profile reads without an account; a members-only one asks to sign in instead.
  await page.goto(`/freelancers/${visible.id}`)
  await expect(page.getByRole('heading', { level: 1, name: visible.name })).toBeVisible()
  await page.goto(`/freelancers/${membersOnly.id}`)
  await expectPath(page, '/sign-in')
  await expect(page.getByText(membersOnly.name)).toHaveCount(0)

  // Applying is the first thing that needs an account, and sign-in comes back to the proposal.
  await page.goto(`/projects/${projectId}`)
  await page.getByRole('link', { name: 'Send a proposal' }).click()
  await expect(page).toHaveURL(
    (url) => url.pathname === '/sign-in' && url.searchParams.get('redirectTo') === `/projects/${projectId}/propose`,
  )

  const sitemap = await (await page.request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`/projects/${projectId}</loc>`)
  expect(sitemap).toContain(`/freelancers/${visible.id}</loc>`)
  expect(sitemap).not.toContain(membersOnly.id)
})
