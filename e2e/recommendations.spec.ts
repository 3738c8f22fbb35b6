import { createMatchingFixtures, createMatchingFreelancer, useUpInvitationQuota } from './discovery-fixtures'
import { expect, makeUser, newBrowserContext, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

test('a client sees recommended freelancers with their breakdown and invites one, who sees the project recommended', async ({
  page,
  browser,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  // A long name: its "Invite …" button must wrap on a phone, not push the page sideways.
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, {
    ...makeUser('freelancer'),
    name: `Maximiliana Kertzmann-Parisian ${Date.now() % 10000}`,
  })
  const { projectId, title } = await createMatchingFixtures(client.email, freelancer.email)

  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`/projects/${projectId}`)
  const recommended = page.getByRole('list', { name: 'Recommended freelancers' })
  const card = recommended.getByRole('article', { name: freelancer.name })
  await expect(card).toContainText('2 of 2 skills · rate within budget')
  // A phrase, not a status: as written (innerText applies CSS text-transform), not "New On MegiLance".
  expect(await card.getByText('New on MegiLance').innerText()).toBe('New on MegiLance')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await card.getByText('Why this match').click()
  await expect(card).toContainText('Skill match: 2 of 2 skills (30 of 30 points)')
  // Neither has set a time zone: the summary says nothing of it, the breakdown says why it is half.
  await expect(card).toContainText('Time-zone overlap: neither side has set a time zone, so half (3 of 6 points)')
  await expect(card).not.toContainText('unknown')
  await card.getByRole('button', { name: `Invite ${freelancer.name}` }).click()
  await expect(toast(page)).toHaveText(`${freelancer.name} is invited. You see their answer on this page.`)

  await freelancerPage.goto('/freelancer/recommended')
  const projects = freelancerPage.getByRole('list', { name: 'Recommended projects' })
  await expect(projects.getByRole('link', { name: title })).toBeVisible()
  // The freelancer's own newcomer flag is not shown beside each project, where it read as the project's.
  await expect(projects.getByRole('article', { name: title })).toContainText('/ 100 match')
  await expect(projects.getByText('New on MegiLance')).toHaveCount(0)
  await freelancerContext.close()
})

// Past a quota, an action that is not a form's own answer (the recommendation's Invite) ends on the
// error page, 429; its document keeps Retry-After for a browser without JavaScript too (the layout's
// boundary renders it, and only that route's headers get the thrown answer's headers).
test('past the invitation quota, Invite from the recommendations says when the next can go, with Retry-After', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createMatchingFreelancer()
  const { projectId } = await createMatchingFixtures(client.email, freelancer.email)
  await useUpInvitationQuota(client.email)
  await page.goto(`/projects/${projectId}`)
  const card = page
    .getByRole('list', { name: 'Recommended freelancers' })
    .getByRole('article', { name: freelancer.name })
  const post = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && new URL(response.url()).pathname === `/projects/${projectId}`,
  )
  await card.getByRole('button', { name: `Invite ${freelancer.name}` }).click()
  const answer = await post
  expect(answer.status()).toBe(429)
  expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0)
  await expect(page.getByText(/You have sent 50 invitations within 24 hours, the most one account may\./)).toBeVisible()
})
