import { wcagViolations } from './axe-audit'
import {
  DEMO_ACCOUNTS,
  expect,
  expectPath,
  isJavaScriptEnabled,
  makeUser,
  newBrowserContext,
  test,
  toast,
} from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import {
  createOpenProject,
  createSubmittedProposal,
  notificationTitles,
  proposalStatus,
  setFreelancerBio,
} from './projects-fixtures'

const INVITE_SENT =
  'If there is a freelancer with that address, we have sent them the invitation. You see their answer on this page.'

// Each test walks a whole journey through two or three browsers; on a busy machine that takes a while.
test.describe.configure({ timeout: 120_000 })

function projectIdFrom(url: string): string {
  const id = new URL(url).pathname.split('/')[2]
  if (!id) throw new Error(`No project id in ${url}`)
  return id
}

test('a client posts, edits, closes and reopens a project; the applicant is told; a freelancer cannot post', async ({
  page,
  browser,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/client/projects' })
  await expect(page.getByRole('heading', { level: 1, name: 'Your projects' })).toBeVisible()
  await page.getByRole('link', { name: 'Post a project' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Post a project' })).toBeVisible()

  const title = `Booking page ${Date.now().toString(36)}`
  await page.getByLabel('Title').fill(title)
  await page
    .getByLabel('Description')
    .fill('A booking page for our clinic that syncs with the calendar we already use.')
  await page.getByLabel('Skills').fill('react, Frobnication')
  await page.getByLabel('Fixed budget').fill('750')
  await page.getByRole('button', { name: 'Post project' }).click()
  // The message next to the field and, the form being long, in the summary at its top, linking to the field.
  await expect(page.getByLabel('Skills')).toHaveAccessibleDescription(/This skill is not in our list: "Frobnication"/)
  await expect(
    page.getByRole('link', { name: /^Skills: This skill is not in our list: "Frobnication"/ }),
  ).toHaveAttribute('href', '#post-project-skills')
  await expect(page.getByLabel('Title')).toHaveValue(title)
  await expect(page.getByLabel('Fixed budget')).toHaveValue('750')

  await page.getByLabel('Skills').fill('react, node js')
  await page.getByRole('button', { name: 'Post project' }).click()
  await expect(toast(page)).toHaveText('Your project is posted.')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Skills' })).toHaveText(/Node\.js\s*React/)
  await expect(page.getByText('Fixed $750')).toBeVisible()
  await expect(page.getByRole('link', { name: client.name })).toHaveAttribute('href', /^\/clients\//)
  const projectId = projectIdFrom(page.url())

  await page.getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit project' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Skills' })).toHaveValue('Node.js, React')
  await page.getByLabel('Title').fill(`${title} (v2)`)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(toast(page)).toHaveText('Your changes are saved.')
  await expect(page.getByRole('heading', { level: 1, name: `${title} (v2)` })).toBeVisible()

  // A freelancer applies (the proposal form belongs to another part), and cannot post projects.
  const other = await newBrowserContext(browser, testInfo)
  const freelancerPage = await other.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  expect((await freelancerPage.goto('/projects/new'))?.status()).toBe(403)
  await freelancerPage.goto(`/projects/${projectId}`)
  await expect(freelancerPage.getByRole('link', { name: 'Send a proposal' })).toHaveAttribute(
    'href',
    `/projects/${projectId}/propose`,
  )
  const proposalId = await createSubmittedProposal(projectId, freelancer.email)
  await freelancerPage.reload()
  await expect(freelancerPage.getByRole('link', { name: 'View your proposal' })).toHaveAttribute(
    'href',
    `/proposals/${proposalId}`,
  )
  expect((await freelancerPage.goto(`/projects/${projectId}/edit`))?.status()).toBe(404)

  // The client's list counts it, and links to it.
  await page.goto('/client/projects?status=open')
  await expect(page.getByRole('link', { name: 'Open (1)' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('link', { name: `1 proposal for ${title} (v2)` })).toHaveAttribute(
    'href',
    `/projects/${projectId}/proposals`,
  )
  await expect(page.getByRole('row', { name: new RegExp(`${title} \\(v2\\)`) })).toContainText('1 new')
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('link', { name: 'Review proposals (1)' })).toHaveAttribute(
    'href',
    `/projects/${projectId}/proposals`,
  )
  await page.getByRole('button', { name: 'Close without hiring' }).click()
  await expect(toast(page)).toHaveText('The project is closed. 1 applicant was told you did not hire.')
  await expect(page.getByText('without a hire.', { exact: false })).toBeVisible()
  expect(await proposalStatus(proposalId)).toBe('not_hired')
  expect(await notificationTitles(freelancer.email)).toContain(`“${title} (v2)” was closed without a hire`)
  expect((await page.goto(`/projects/${projectId}/edit`))?.status()).toBe(409)

  await page.goto(`/projects/${projectId}`)
  await page.getByRole('button', { name: 'Reopen project' }).click()
  await expect(toast(page)).toHaveText('The project is open again.')
  await expect(page.getByRole('button', { name: 'Close without hiring' })).toBeVisible()

  await page.goto('/client/projects')
  await expect(page.getByRole('row', { name: new RegExp(`${title} \\(v2\\).*open`, 'i') })).toBeVisible()
  await other.close()
})

test('an invite-only project is hidden from uninvited freelancers until they are invited', async ({
  page,
  browser,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const title = `Private audit ${Date.now().toString(36)}`
  const { projectId } = await createOpenProject(client.email, { title, visibility: 'invite_only' })

  const other = await newBrowserContext(browser, testInfo)
  const freelancerPage = await other.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  expect((await freelancerPage.goto(`/projects/${projectId}`))?.status()).toBe(404)

  // The same answer for an unknown address, a client's, a freelancer's and one already invited:
  // the form does not tell who has an account, and the project names the freelancer only once they answer.
  await page.goto(`/projects/${projectId}`)
  await page.getByRole('link', { name: 'Invite a freelancer' }).click()
  for (const email of [
    'nobody-here@e2e.megilance.test',
    DEMO_ACCOUNTS.client.email,
    freelancer.email,
    freelancer.email,
  ]) {
    await page.goto(`/projects/${projectId}/invite`)
    await page.getByLabel('Freelancer’s email address').fill(email)
    await page.getByLabel('Message (optional)').fill('Your security work looks like a great fit.')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await expectPath(page, `/projects/${projectId}`)
    await expect(toast(page)).toHaveText(INVITE_SENT)
    await expect(page.getByRole('link', { name: freelancer.name })).toHaveCount(0)
  }

  const response = await freelancerPage.goto(`/projects/${projectId}`)
  expect(response?.status()).toBe(200)
  await expect(freelancerPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(freelancerPage.getByText('Your security work looks like a great fit.')).toBeVisible()

  await freelancerPage.goto('/freelancer/invitations')
  const invitation = freelancerPage.getByRole('article', { name: title })
  await expect(invitation).toBeVisible()
  await invitation.getByRole('button', { name: 'Accept and write a proposal' }).click()
  await expectPath(freelancerPage, `/projects/${projectId}/propose`)
  await freelancerPage.goto('/freelancer/invitations')
  await expect(
    freelancerPage
      .getByRole('table', { name: 'Answered invitations' })
      .getByRole('row', { name: new RegExp(`${title}.*Accepted`) }),
  ).toBeVisible()
  expect(await notificationTitles(client.email)).toContain(`${freelancer.name} accepted your invitation to “${title}”`)
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('link', { name: freelancer.name })).toBeVisible()

  // A second invitation, declined with a reason the client reads.
  const second = `Second look ${Date.now().toString(36)}`
  const { projectId: secondId } = await createOpenProject(client.email, { title: second })
  await page.goto(`/projects/${secondId}/invite`)
  await page.getByLabel('Freelancer’s email address').fill(freelancer.email)
  await page.getByLabel('Message (optional)').fill('Quicker to talk on Telegram: @clinic_owner_pay')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(toast(page)).toHaveText(INVITE_SENT)
  // The project's page shows the freelancer the message with the warning the Invitations page has.
  await freelancerPage.goto(`/projects/${secondId}`)
  await expect(freelancerPage.getByText('Quicker to talk on Telegram: @clinic_owner_pay')).toBeVisible()
  await expect(freelancerPage.getByRole('alert')).toContainText('This invitation asks to move off MegiLance.')
  await freelancerPage.goto('/freelancer/invitations')
  const pending = freelancerPage.getByRole('article', { name: second })
  await pending.getByText('Decline', { exact: true }).click()
  await pending.getByLabel('Reason (optional, the client sees it)').fill('Fully booked until March.')
  await pending.getByRole('button', { name: 'Decline invitation' }).click()
  await expect(toast(freelancerPage)).toHaveText(`You declined the invitation to “${second}”.`)
  expect(await notificationTitles(client.email)).toContain(`${freelancer.name} declined your invitation to “${second}”`)
  await other.close()
})

test('an admin hides a project with a reason the owner sees, then restores it', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const title = `Suspicious listing ${Date.now().toString(36)}`
  const { projectId } = await createOpenProject(client.email, { title })

  const other = await newBrowserContext(browser, testInfo)
  const freelancerPage = await other.newPage()
  await signInWithoutForm(freelancerPage, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  expect((await freelancerPage.goto(`/projects/${projectId}`))?.status()).toBe(200)
  expect((await freelancerPage.goto('/admin/projects'))?.status()).toBe(403)

  await adminPage.goto('/admin/projects')
  await adminPage.getByRole('search', { name: 'Find projects' }).getByLabel('Title').fill(title)
  await adminPage.getByRole('button', { name: 'Search' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('q') === title)
  const row = adminPage.getByRole('row', { name: new RegExp(title) })
  await row.getByText('Hide…').click()
  const reason = 'Asks freelancers to pay a deposit outside MegiLance.'
  await row.getByLabel('Reason the client will see').fill(reason)
  await row.getByRole('button', { name: `Hide ${title}` }).click()
  await expect(toast(adminPage)).toHaveText(`“${title}” is hidden and its client is told why.`)
  await expect(
    adminPage.getByRole('row', { name: new RegExp(title) }).getByText('Hidden', { exact: true }),
  ).toBeVisible()

  expect((await freelancerPage.goto(`/projects/${projectId}`))?.status()).toBe(404)
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('alert', { name: 'Hidden by a moderator' })).toContainText(reason)

  await adminPage.goto(`/admin/projects?state=hidden&q=${encodeURIComponent(title)}`)
  await adminPage.getByRole('button', { name: `Restore ${title}` }).click()
  await expect(toast(adminPage)).toHaveText(`“${title}” is visible again.`)
  expect((await freelancerPage.goto(`/projects/${projectId}`))?.status()).toBe(200)
  await page.reload()
  await expect(page.getByRole('alert', { name: 'Hidden by a moderator' })).toHaveCount(0)
  await other.close()
})

// A scam post or letter sends people to WhatsApp or a private email, away from escrow: as a flagged
// message is, it is shown with a warning to its readers, and its author is told they see one.
test('a project, a proposal or a profile that asks to move contact off MegiLance is shown with a warning', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const { projectId } = await createOpenProject(client.email, {
    description: 'A booking page for our clinic. Send your samples on WhatsApp: +44 7700 900123.',
  })
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: `/projects/${projectId}` })
  await expect(page.getByRole('alert')).toContainText(
    'This project asks to move off MegiLance. It contains a phone number and a WhatsApp contact or link.',
  )
  // Its "Report it" link is readable on the warning's red, in both themes (axe runs with JavaScript).
  if (isJavaScriptEnabled(testInfo)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(await wcagViolations(page), colorScheme).toEqual([])
    }
  }
  // The warning says what to do: report it, on a form already about this project.
  await page.getByRole('alert').getByRole('link', { name: 'Report it to our team' }).click()
  await expectPath(page, '/help/contact')
  await expect(page.getByLabel('Topic')).toHaveValue('safety')
  const report = page.getByLabel('Message')
  await expect(report).toHaveValue(new RegExp(`^About http://localhost:\\d+/projects/${projectId}\\n`))
  await report.press('Control+End')
  await report.pressSequentially('They asked me to pay a deposit on WhatsApp first.')
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(toast(page)).toContainText('Thank you: your message reached our team.')
  const proposalId = await createSubmittedProposal(projectId, freelancer.email, {
    coverLetter: 'I have built booking pages before. Write to me at lena.builds@gmail.com to start.',
  })
  await page.goto(`/proposals/${proposalId}`)
  await expect(page.getByRole('note').filter({ hasText: 'Others see a warning on this proposal' })).toContainText(
    'it contains an email address',
  )

  await signInWithoutForm(page, testInfo, client.email, 'client', { at: `/proposals/${proposalId}` })
  await expect(page.getByRole('alert')).toContainText('This proposal asks to move off MegiLance.')
  await page.goto(`/projects/${projectId}`)
  await expect(page.getByRole('note').filter({ hasText: 'Others see a warning on this project' })).toBeVisible()

  // A public profile whose bio gives a phone number: its readers are warned.
  const freelancerId = await setFreelancerBio(
    freelancer.email,
    'I build booking pages. Call me on +44 7700 900123 for a quick quote.',
  )
  await page.goto(`/freelancers/${freelancerId}`)
  await expect(page.getByRole('alert')).toContainText(
    'This profile asks to move off MegiLance. It contains a phone number.',
  )
})
